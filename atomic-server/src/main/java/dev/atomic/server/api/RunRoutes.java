package dev.atomic.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.engine.embedded.Run;
import dev.atomic.store.RunView;
import dev.atomic.store.Store;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /v1/runs} runs a registered pipeline, recording the request (its body) and the run that serves it;
 * {@code GET /v1/runs/{id}} reads a run back from the ledger, with its request's id.
 */
final class RunRoutes {

  /** A run request: the pipeline's name, its request (any JSON), and optionally the run's id. */
  record RunRequest(String pipeline, JsonNode request, String id) {}

  private final Runs runs;
  private final Store store;
  private final Requests requests;

  RunRoutes(Runs runs, Store store, Requests requests) {
    this.runs = runs;
    this.store = store;
    this.requests = requests;
  }

  void register(RouteTable r) {
    r.post("/v1/runs", this::start);
    r.get("/v1/runs/{id}", this::one);
  }

  private void start(Context ctx) {
    RunRequest body = requests.body(ctx, RunRequest.class);
    if (body.pipeline() == null || body.pipeline().isBlank()) {
      throw ApiError.badRequest("invalid_request", "a run needs a 'pipeline'; known: " + runs.pipelineNames());
    }
    Object request = body.request() == null ? Map.of() : Json.mapper().convertValue(body.request(), Object.class);
    // The request recorded is the body as read: the caller's own input, within the size limit, written back as JSON
    // (well-formed UTF-8 whatever spacing or encoding came). Headers, where the API key travels, are never kept.
    Run run = runs.start(body.pipeline(), request, body.id(), Tenancy.actingFor(ctx, null), Json.write(body));
    if (Requests.wantsAsync(ctx)) {
      ctx.header("Location", "/v1/runs/" + run.id());
      Requests.json(ctx, 202, Map.of("runId", run.id(), "status", "running", "location", "/v1/runs/" + run.id()));
      return;
    }
    try {
      Requests.json(ctx, 200, Runs.view(run.await()));
    } catch (CompletionException e) {
      throw new ApiError(503, "run_abandoned", "run " + run.id() + " was abandoned: the server is stopping");
    }
  }

  private void one(Context ctx) {
    String id = ctx.pathParam("id");
    // Another tenant's run answers 404 like a missing one, so run ids reveal nothing.
    RunView run = Requests.fromLedger(store, () -> store.ledger().run(id).filter(v -> Tenancy.maySee(ctx, v.tenant())))
        .orElseThrow(() -> ApiError.notFound("run", id));
    Requests.json(ctx, 200, run);
  }
}
