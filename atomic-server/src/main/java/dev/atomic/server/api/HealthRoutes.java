package dev.atomic.server.api;

import dev.atomic.store.DecisionQuery;
import dev.atomic.store.Store;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Liveness, readiness (the ledger answers), Prometheus metrics, the OpenAPI document, and / to the dashboard. */
final class HealthRoutes {

  private final Store store;
  private final PrometheusMeterRegistry metrics;
  private final String openApi = resource("/openapi.json");

  HealthRoutes(Store store, PrometheusMeterRegistry metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  void register(RouteTable r) {
    r.get("/", ctx -> ctx.redirect("/dashboard/"));
    r.get("/health/live", ctx -> Requests.json(ctx, 200, Map.of("status", "live")));
    r.get("/health/ready", this::ready);
    r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  private void ready(Context ctx) {
    try {
      store.ledger().decisions(DecisionQuery.all().page(0, 1));
    } catch (RuntimeException e) {
      throw new ApiError(503, "store_unavailable", "the ledger does not answer: " + e.getMessage());
    }
    Requests.json(ctx, 200, Map.of("status", "ready"));
  }

  private static String resource(String name) {
    try (InputStream in = HealthRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }
}
