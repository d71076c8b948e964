package dev.atomic.server.api;

import dev.atomic.exchange.Exchange;
import dev.atomic.server.TenancyConfig;
import dev.atomic.server.observe.ExchangeTracing;
import dev.atomic.server.observe.TenantStats;
import dev.atomic.store.Store;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * The HTTP API: registers every route (one class per group: health, microtasks, runs, decisions, bidders) and the
 * error mapping. Every route is documented in {@code /openapi.json}, and a test holds the two to each other. Handlers
 * parse, call the exchange, the engine or the ledger, and answer JSON; every failure is an {@link ApiError} or an
 * exception that {@code ErrorMapping} turns into one.
 */
public final class Api {

  /** One registered route. */
  public record Route(String method, String path) {}

  private final HealthRoutes health;
  private final MicrotaskRoutes microtasks;
  private final RunRoutes runs;
  private final DecisionRoutes decisions;
  private final BidderRoutes bidders;
  private final Tenancy tenancy;
  private List<Route> routes = List.of();

  public Api(Exchange exchange, Store store, DecisionStream stream, TenantStats stats, ExchangeTracing tracing,
      PrometheusMeterRegistry metrics, Runs runs, InstantSource clock, long maxBodyBytes, ExecutorService background,
      TenancyConfig tenancyConfig) {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Requests requests = new Requests(maxBodyBytes);
    this.health = new HealthRoutes(store, Objects.requireNonNull(metrics, "metrics"));
    this.microtasks = new MicrotaskRoutes(exchange, store, Objects.requireNonNull(tracing, "tracing"), clock,
        Objects.requireNonNull(background, "background"), requests);
    this.runs = new RunRoutes(Objects.requireNonNull(runs, "runs"), store, requests);
    this.decisions = new DecisionRoutes(exchange, store, Objects.requireNonNull(stream, "stream"), clock, requests);
    this.bidders = new BidderRoutes(exchange, store, Objects.requireNonNull(stats, "stats"),
        Objects.requireNonNull(tenancyConfig, "tenancyConfig").sharedLearning());
    this.tenancy = new Tenancy(store.apiKeys(), Objects.requireNonNull(tenancyConfig, "tenancyConfig"), clock);
  }

  /** Registers every route and the error mapping. */
  public void register(RoutesConfig javalin) {
    ErrorMapping.register(javalin);
    RouteTable table = new RouteTable(javalin);
    // First, so no /v1 handler runs before its caller is known and within its rate.
    tenancy.register(table);
    health.register(table);
    microtasks.register(table);
    runs.register(table);
    decisions.register(table);
    bidders.register(table);
    routes = table.registered();
  }

  /** The routes {@link #register} registered, in order. */
  public List<Route> routes() {
    return routes;
  }
}
