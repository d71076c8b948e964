package dev.atomic.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.bidding.Bidder;
import dev.atomic.estimate.EstimatorSnapshot;
import dev.atomic.exchange.Cascade;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.store.BidderStats;
import dev.atomic.store.DecisionQuery;
import dev.atomic.store.DecisionSummary;
import dev.atomic.store.FeedbackEntry;
import dev.atomic.store.MicrotaskEntry;
import dev.atomic.store.Page;
import dev.atomic.store.RunView;
import dev.atomic.store.Store;
import dev.atomic.store.StoreException;
import dev.atomic.server.observe.ExchangeTracing;
import dev.atomic.server.observe.LiveStats;
import dev.atomic.task.Microtask;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP API: every route, registered by {@link #register}, and documented in {@code /openapi.json} (a test holds
 * the two to each other). Handlers parse, call the exchange or the ledger, and answer JSON; every failure is an
 * {@link ApiError} or an exception that {@link ErrorMapping} turns into one.
 */
public final class Api {

  /** One registered route. */
  public record Route(String method, String path) {}

  private static final Logger LOG = LoggerFactory.getLogger(Api.class);

  private final Exchange exchange;
  private final Store store;
  private final DecisionStream stream;
  private final LiveStats stats;
  private final ExchangeTracing tracing;
  private final PrometheusMeterRegistry metrics;
  private final Runs runs;
  private final InstantSource clock;
  private final long maxBodyBytes;
  private final ExecutorService background;
  private final AsyncResults async = new AsyncResults();
  private final String openApi;
  private final List<Route> routes = new ArrayList<>();

  public Api(Exchange exchange, Store store, DecisionStream stream, LiveStats stats, ExchangeTracing tracing,
      PrometheusMeterRegistry metrics, Runs runs, InstantSource clock, long maxBodyBytes, ExecutorService background) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.store = Objects.requireNonNull(store, "store");
    this.stream = Objects.requireNonNull(stream, "stream");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxBodyBytes = maxBodyBytes;
    this.background = Objects.requireNonNull(background, "background");
    this.openApi = resource("/openapi.json");
  }

  /** Registers every route and the error mapping. */
  public void register(RoutesConfig r) {
    ErrorMapping.register(r);
    add(r, HandlerType.GET, "/", ctx -> ctx.redirect("/dashboard/"));
    add(r, HandlerType.GET, "/health/live", ctx -> json(ctx, 200, Map.of("status", "live")));
    add(r, HandlerType.GET, "/health/ready", this::ready);
    add(r, HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.scrape()));
    add(r, HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    add(r, HandlerType.POST, "/v1/microtasks", this::submit);
    add(r, HandlerType.GET, "/v1/microtasks/{id}", this::microtask);
    add(r, HandlerType.POST, "/v1/runs", this::startRun);
    add(r, HandlerType.GET, "/v1/runs/{id}", this::run);
    // The stream is registered before /v1/decisions/{id}, which would otherwise take "stream" for an id.
    r.sse("/v1/decisions/stream", stream::join);
    routes.add(new Route("GET", "/v1/decisions/stream"));
    add(r, HandlerType.GET, "/v1/decisions", this::decisions);
    add(r, HandlerType.GET, "/v1/decisions/{id}", this::decision);
    add(r, HandlerType.POST, "/v1/decisions/{id}/feedback", this::feedback);
    add(r, HandlerType.GET, "/v1/bidders", this::bidders);
    add(r, HandlerType.GET, "/v1/stats", ctx -> json(ctx, 200, stats.snapshot()));
  }

  /** The routes {@link #register} registered, in order. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  private void add(RoutesConfig r, HandlerType method, String path, io.javalin.http.Handler handler) {
    r.addHttpHandler(method, path, handler);
    routes.add(new Route(method.name(), path));
  }

  // ---- microtasks ---------------------------------------------------------------------------------------------------

  private void submit(Context ctx) {
    Microtask task = body(ctx, MicrotaskRequest.class).toMicrotask();
    boolean runAsync = "true".equalsIgnoreCase(ctx.queryParam("async"))
        || String.valueOf(ctx.header("Prefer")).contains("respond-async");
    if (!runAsync) {
      json(ctx, 200, MicrotaskResult.of(task.id(), serve(task)));
      return;
    }
    if (!async.start(task.id())) {
      throw new ApiError(409, "duplicate_id", "a microtask with id '" + task.id() + "' was submitted already");
    }
    background.execute(() -> {
      try {
        async.succeeded(task.id(), MicrotaskResult.of(task.id(), serve(task)));
      } catch (Exception e) {
        async.failed(task.id(), ErrorMapping.toApiError(e));
      }
    });
    ctx.header("Location", "/v1/microtasks/" + task.id());
    json(ctx, 202, Map.of("taskId", task.id(), "status", "pending", "location", "/v1/microtasks/" + task.id()));
  }

  /** Records the microtask, then auctions and serves it inside its trace span, with its ids in the log context. */
  private Execution serve(Microtask task) {
    try {
      store.record(new MicrotaskEntry(task, null, null, clock.instant()))
          .whenComplete((ok, e) -> {
            if (e != null) {
              LOG.warn("microtask {} was not written to the ledger: {}", task.id(), e.getMessage());
            }
          });
    } catch (StoreException e) {
      throw new ApiError(503, "store_unavailable", "the ledger cannot take the microtask now: " + e.getMessage());
    }
    MDC.put("task_id", task.id());
    MDC.put("tenant", task.tenant());
    try {
      return tracing.traced(task, () -> exchange.execute(task));
    } finally {
      MDC.remove("task_id");
      MDC.remove("tenant");
      MDC.remove("decision_id");
    }
  }

  private void microtask(Context ctx) {
    String id = ctx.pathParam("id");
    AsyncResults.Status status = async.get(id)
        .orElseThrow(() -> ApiError.notFound("asynchronously submitted microtask", id));
    json(ctx, 200, status);
  }

  // ---- runs and decisions -------------------------------------------------------------------------------------------

  /** A run request: the pipeline's name, its request (any JSON), and optionally the run's id. */
  record RunRequest(String pipeline, JsonNode request, String id) {}

  private void startRun(Context ctx) {
    RunRequest body = body(ctx, RunRequest.class);
    if (body.pipeline() == null || body.pipeline().isBlank()) {
      throw ApiError.badRequest("invalid_request", "a run needs a 'pipeline'; known: " + runs.pipelineNames());
    }
    Object request = body.request() == null ? Map.of() : Json.mapper().convertValue(body.request(), Object.class);
    var run = runs.start(body.pipeline(), request, body.id());
    if ("true".equalsIgnoreCase(ctx.queryParam("async"))
        || String.valueOf(ctx.header("Prefer")).contains("respond-async")) {
      ctx.header("Location", "/v1/runs/" + run.id());
      json(ctx, 202, Map.of("runId", run.id(), "status", "running", "location", "/v1/runs/" + run.id()));
      return;
    }
    try {
      json(ctx, 200, Runs.view(run.await()));
    } catch (java.util.concurrent.CompletionException e) {
      throw new ApiError(503, "run_abandoned", "run " + run.id() + " was abandoned: the server is stopping");
    }
  }

  private void run(Context ctx) {
    String id = ctx.pathParam("id");
    RunView run = fromLedger(() -> store.ledger().run(id)).orElseThrow(() -> ApiError.notFound("run", id));
    json(ctx, 200, run);
  }

  private void decisions(Context ctx) {
    DecisionQuery query = DecisionQuery.all();
    try {
      String tenant = ctx.queryParam("tenant");
      String kind = ctx.queryParam("kind");
      String winner = ctx.queryParam("winner");
      Instant from = instant(ctx, "from");
      Instant until = instant(ctx, "until");
      query = new DecisionQuery(blankToNull(tenant), blankToNull(kind), blankToNull(winner), from, until,
          integer(ctx, "offset", 0), integer(ctx, "limit", DecisionQuery.DEFAULT_LIMIT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_query", e.getMessage());
    }
    Page<DecisionSummary> page = store.ledger().decisions(query);
    json(ctx, 200, new DecisionPage(page.items(), page.offset(), page.nextOffset(), page.hasMore()));
  }

  record DecisionPage(List<DecisionSummary> items, int offset, int nextOffset, boolean hasMore) {}

  private void decision(Context ctx) {
    String id = ctx.pathParam("id");
    Decision decision = fromLedger(() -> store.ledger().decision(id))
        .orElseThrow(() -> ApiError.notFound("decision", id));
    json(ctx, 200, DecisionView.of(decision));
  }

  private void feedback(Context ctx) {
    String id = ctx.pathParam("id");
    requireJson(ctx);
    FeedbackEntry entry;
    try {
      entry = FeedbackEntry.parse(id, readBody(ctx), clock.instant());
    } catch (StoreException | IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_feedback", e.getMessage());
    }
    try {
      exchange.feedback(id, entry.feedback());
    } catch (dev.atomic.AtomicException e) {
      if (fromLedger(() -> store.ledger().decision(id)).isEmpty()) {
        throw ApiError.notFound("decision", id);
      }
      throw new ApiError(409, "feedback_not_accepted", e.getMessage());
    }
    store.record(entry).whenComplete((ok, e) -> {
      if (e != null) {
        LOG.warn("feedback for decision {} was not written to the ledger: {}", id, e.getMessage());
      }
    });
    json(ctx, 200, Map.of("decisionId", id, "quality", entry.feedback().quality(), "status", "applied"));
  }

  // ---- bidders ------------------------------------------------------------------------------------------------------

  record BidderView(String id, String type, String vendor, String region, Boolean onPremises, List<String> members,
      BidderStats ledger, LiveStats.BidderLive live, List<Learned> learned) {}

  /** What the exchange has learned about an arm on one kind. */
  record Learned(String kind, double observations, double costRatio, double latencyRatio) {}

  private void bidders(Context ctx) {
    Map<String, BidderStats> ledger = store.ledger().bidderStats(DecisionQuery.all()).stream()
        .collect(Collectors.toMap(BidderStats::arm, Function.identity(), (a, b) -> a));
    Map<String, LiveStats.BidderLive> live = stats.snapshot().bidders().stream()
        .collect(Collectors.toMap(LiveStats.BidderLive::bidder, Function.identity(), (a, b) -> a));
    Map<String, List<Learned>> learned = exchange.snapshot().arms().stream().collect(Collectors.groupingBy(
        EstimatorSnapshot.Arm::arm, Collectors.mapping(Api::learned, Collectors.toList())));
    List<BidderView> out = new ArrayList<>();
    for (Bidder b : exchange.bidders()) {
      out.add(new BidderView(b.id(), "bidder", b.profile().vendor(), b.profile().region(), b.profile().onPremises(),
          List.of(), ledger.get(b.id()), live.get(b.id()), learned.getOrDefault(b.id(), List.of())));
    }
    for (Cascade c : exchange.cascades()) {
      out.add(new BidderView(c.id(), "cascade", null, null, null, List.copyOf(c.members()), ledger.get(c.id()), live.get(c.id()),
          learned.getOrDefault(c.id(), List.of())));
    }
    json(ctx, 200, Map.of("bidders", out));
  }

  private static Learned learned(EstimatorSnapshot.Arm arm) {
    return new Learned(arm.kind(), arm.observations(), ratio(arm.cost()), ratio(arm.latency()));
  }

  /** The mean of actual/claimed, or NaN when never observed. */
  private static double ratio(EstimatorSnapshot.Ratio r) {
    return r.ratioCount() == 0 ? Double.NaN : r.ratioSum() / r.ratioCount();
  }

  // ---- health -------------------------------------------------------------------------------------------------------

  private void ready(Context ctx) {
    try {
      store.ledger().decisions(DecisionQuery.all().page(0, 1));
      json(ctx, 200, Map.of("status", "ready"));
    } catch (RuntimeException e) {
      throw new ApiError(503, "store_unavailable", "the ledger does not answer: " + e.getMessage());
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------

  /**
   * Reads from the ledger; when nothing is found, waits for the writer to commit what is queued and looks once more,
   * so that a decision made a moment ago is found although its write was acknowledged asynchronously.
   */
  private <T> Optional<T> fromLedger(Supplier<Optional<T>> read) {
    Optional<T> found = read.get();
    if (found.isPresent()) {
      return found;
    }
    try {
      store.flush().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(503, "interrupted", "interrupted while waiting for the ledger");
    } catch (Exception e) {
      LOG.warn("ledger flush failed while looking something up: {}", e.getMessage());
    }
    return read.get();
  }

  private <T> T body(Context ctx, Class<T> type) {
    requireJson(ctx);
    String text = readBody(ctx);
    if (text.isBlank()) {
      throw ApiError.badRequest("malformed_json", "the body is empty; this route takes a JSON object");
    }
    try {
      T value = Json.mapper().readValue(text, type);
      if (value == null) {
        throw ApiError.badRequest("malformed_json", "the body is JSON null; this route takes a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("malformed_json", "the body is not valid JSON for this route: "
          + e.getOriginalMessage());
    }
  }

  private String readBody(Context ctx) {
    long length = ctx.contentLength();
    if (length > maxBodyBytes) {
      throw new ApiError(413, "body_too_large",
          "the body has " + length + " bytes; the server accepts at most " + maxBodyBytes);
    }
    return ctx.body();
  }

  private static void requireJson(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "unsupported_media_type",
          "this route takes 'application/json', was '" + (type == null ? "none" : type) + "'");
    }
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  private static Instant instant(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, "
          + "was '" + v + "'");
    }
  }

  private static int integer(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be an integer, was '" + v + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String resource(String name) {
    try (InputStream in = Api.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }
}
