package dev.atomic.server.api;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.server.observe.ExchangeTracing;
import dev.atomic.store.MicrotaskEntry;
import dev.atomic.store.Store;
import dev.atomic.store.StoreException;
import dev.atomic.task.Microtask;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@code POST /v1/microtasks} (served at once, or with 202 in the background) and {@code GET /v1/microtasks/{id}}. */
final class MicrotaskRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(MicrotaskRoutes.class);

  private final Exchange exchange;
  private final Store store;
  private final ExchangeTracing tracing;
  private final InstantSource clock;
  private final ExecutorService background;
  private final Requests requests;
  private final AsyncResults async = new AsyncResults();

  MicrotaskRoutes(Exchange exchange, Store store, ExchangeTracing tracing, InstantSource clock,
      ExecutorService background, Requests requests) {
    this.exchange = exchange;
    this.store = store;
    this.tracing = tracing;
    this.clock = clock;
    this.background = background;
    this.requests = requests;
  }

  void register(RouteTable r) {
    r.post("/v1/microtasks", this::submit);
    r.get("/v1/microtasks/{id}", this::status);
  }

  private void submit(Context ctx) {
    MicrotaskRequest request = requests.body(ctx, MicrotaskRequest.class);
    Microtask task = request.toMicrotask(Tenancy.actingFor(ctx, request.tenant()));
    boolean explained = "true".equalsIgnoreCase(ctx.queryParam("explain"));
    if (!Requests.wantsAsync(ctx)) {
      Requests.json(ctx, 200, MicrotaskResult.of(task.id(), serve(task), explained));
      return;
    }
    if (!async.start(task.id(), task.tenant())) {
      throw new ApiError(409, "duplicate_id", "a microtask with id '" + task.id() + "' was submitted already");
    }
    background.execute(() -> {
      try {
        async.succeeded(task.id(), MicrotaskResult.of(task.id(), serve(task), explained));
      } catch (Exception e) {
        async.failed(task.id(), ErrorMapping.toApiError(e));
      }
    });
    ctx.header("Location", "/v1/microtasks/" + task.id());
    Requests.json(ctx, 202, Map.of("taskId", task.id(), "status", "pending", "location", "/v1/microtasks/" + task.id()));
  }

  /** Records the microtask, then auctions and serves it inside its trace span, with its ids in the log context. */
  private Execution serve(Microtask task) {
    try {
      store.record(new MicrotaskEntry(task, null, null, clock.instant())).whenComplete((ok, e) -> {
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

  private void status(Context ctx) {
    String id = ctx.pathParam("id");
    AsyncResults.Status status = async.get(id)
        .filter(s -> Tenancy.maySee(ctx, s.tenant()))
        .orElseThrow(() -> ApiError.notFound("asynchronously submitted microtask", id));
    Requests.json(ctx, 200, status);
  }
}
