package dev.atomic.server.api;

import dev.atomic.AtomicException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.store.AwardView;
import dev.atomic.store.DecisionQuery;
import dev.atomic.store.DecisionSummary;
import dev.atomic.store.FeedbackEntry;
import dev.atomic.store.Page;
import dev.atomic.store.Store;
import dev.atomic.store.StoreException;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decisions: list and filter, one with its explanation, feedback on one, and the live event stream. */
final class DecisionRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionRoutes.class);

  record DecisionPage(List<DecisionSummary> items, int offset, int nextOffset, boolean hasMore) {}

  private final Exchange exchange;
  private final Store store;
  private final DecisionStream stream;
  private final InstantSource clock;
  private final Requests requests;

  DecisionRoutes(Exchange exchange, Store store, DecisionStream stream, InstantSource clock, Requests requests) {
    this.exchange = exchange;
    this.store = store;
    this.stream = stream;
    this.clock = clock;
    this.requests = requests;
  }

  void register(RouteTable r) {
    // The stream comes before /v1/decisions/{id}, which would otherwise take "stream" for an id.
    r.javalin().before("/v1/decisions/stream", ctx -> {
      if (!String.valueOf(ctx.header("Accept")).contains("text/event-stream")) {
        throw new ApiError(406, "not_acceptable",
            "the decision stream is server-sent events; send 'Accept: text/event-stream'");
      }
    });
    r.javalin().sse("/v1/decisions/stream", client -> stream.join(client, Tenancy.caller(client.ctx()).orElse(null)));
    r.note("GET", "/v1/decisions/stream");
    r.get("/v1/decisions", this::list);
    r.get("/v1/decisions/{id}", this::one);
    r.post("/v1/decisions/{id}/feedback", this::feedback);
  }

  private void list(Context ctx) {
    DecisionQuery query;
    String named = Requests.text(ctx, "tenant");
    // An authenticated caller lists its own tenant's decisions only; an open service filters as asked.
    String tenant = Tenancy.caller(ctx).isPresent() ? Tenancy.actingFor(ctx, named) : named;
    try {
      query = new DecisionQuery(tenant, Requests.text(ctx, "kind"), Requests.text(ctx, "winner"),
          Requests.instant(ctx, "from"), Requests.instant(ctx, "until"), Requests.integer(ctx, "offset", 0),
          Requests.integer(ctx, "limit", DecisionQuery.DEFAULT_LIMIT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_query", e.getMessage());
    }
    Requests.caughtUp(store);
    Page<DecisionSummary> page = store.ledger().decisions(query);
    Requests.json(ctx, 200, new DecisionPage(page.items(), page.offset(), page.nextOffset(), page.hasMore()));
  }

  private void one(Context ctx) {
    String id = ctx.pathParam("id");
    AwardView award = ownAward(ctx, id);
    if (award.execution() == null && award.decision().awarded()) {
      // Served moments ago, perhaps: its execution may still wait in the ledger's queue.
      Requests.caughtUp(store);
      award = ownAward(ctx, id);
    }
    Requests.json(ctx, 200, DecisionView.of(award.decision()).withOutcome(OutcomeView.of(award)));
  }

  private AwardView ownAward(Context ctx, String id) {
    return Requests.fromLedger(store,
            () -> store.ledger().award(id).filter(a -> Tenancy.maySee(ctx, a.decision().tenant())))
        .orElseThrow(() -> ApiError.notFound("decision", id));
  }

  /** The caller's own decision (any, while the service is open); another tenant's answers 404, so ids reveal nothing. */
  private Decision own(Context ctx, String id) {
    return Requests.fromLedger(store, () -> store.ledger().decision(id).filter(d -> Tenancy.maySee(ctx, d.tenant())))
        .orElseThrow(() -> ApiError.notFound("decision", id));
  }

  /** Teaches the exchange first (it knows whether the award still waits for feedback), then records it. */
  private void feedback(Context ctx) {
    String id = ctx.pathParam("id");
    FeedbackEntry entry;
    String body = requests.jsonText(ctx);
    try {
      entry = FeedbackEntry.parse(id, body, clock.instant());
    } catch (StoreException | IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_feedback", e.getMessage());
    }
    if (Tenancy.caller(ctx).isPresent()) {
      own(ctx, id); // before teaching the exchange: another tenant's decision must stay untouched
    }
    try {
      exchange.feedback(id, entry.feedback());
    } catch (AtomicException e) {
      if (Requests.fromLedger(store, () -> store.ledger().decision(id)).isEmpty()) {
        throw ApiError.notFound("decision", id);
      }
      throw new ApiError(409, "feedback_not_accepted", e.getMessage());
    }
    store.record(entry).whenComplete((ok, e) -> {
      if (e != null) {
        LOG.warn("feedback for decision {} was not written to the ledger: {}", id, e.getMessage());
      }
    });
    Requests.json(ctx, 200, Map.of("decisionId", id, "quality", entry.feedback().quality(), "status", "applied"));
  }
}
