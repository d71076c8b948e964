package dev.atomic.server;

import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Cascade;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunObserver;
import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.budget.Budget;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.LearningScopes;
import dev.atomic.governance.audit.AuditLog;
import dev.atomic.governance.audit.AuditingListener;
import dev.atomic.governance.audit.QueuedAuditLog;
import dev.atomic.server.api.ActiveRuns;
import dev.atomic.server.api.Api;
import dev.atomic.server.api.Runs;
import dev.atomic.server.api.DecisionStream;
import dev.atomic.server.dashboard.Dashboard;
import dev.atomic.server.observe.ExchangeMetrics;
import dev.atomic.server.observe.ExchangeTracing;
import dev.atomic.server.observe.RunTracing;
import dev.atomic.server.observe.StatsHistory;
import dev.atomic.server.observe.Telemetry;
import dev.atomic.server.observe.TenantStats;
import dev.atomic.store.EngineJournal;
import dev.atomic.store.ExchangeState;
import dev.atomic.store.LedgerRecorder;
import dev.atomic.store.Store;
import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Atomic service: an exchange behind an HTTP API, with its ledger, live dashboard, Prometheus metrics and
 * OpenTelemetry traces.
 *
 * {@snippet :
 * try (AtomicServer server = AtomicServer.builder(ServerConfig.load(file, System.getenv()))
 *     .bidder(myModel)
 *     .start()) {
 *   System.out.println("listening on " + server.port());
 * }
 * }
 *
 * <p>Starting opens the ledger (migrating it), restores the exchange's learned state saved under
 * {@value #EXCHANGE_NAME}, and listens; closing stops listening, saves the learned state, and closes the ledger.
 */
public final class AtomicServer implements AutoCloseable {

  /** The name the exchange's learned state is saved under in the ledger. */
  public static final String EXCHANGE_NAME = "main";
  private static final int AUDIT_QUEUE = 10_000;
  /** How many of the ledger's most recent decisions the dashboard's figures start from. */
  private static final int DASHBOARD_HISTORY = 2_000;
  /** Group commit for the audit trail: an award's events arrive within this of each other (see {@code StoreConfig.linger}). */
  private static final Duration AUDIT_LINGER = Duration.ofMillis(2);

  private static final Logger LOG = LoggerFactory.getLogger(AtomicServer.class);

  /** Connections the operating system queues for the server before it accepts them. */
  private static final int ACCEPT_QUEUE = 1_024;

  private final ServerConfig config;
  private final Store store;
  private final boolean ownsStore;
  private final Exchange exchange;
  private final QueuedAuditLog audit;
  private final Telemetry telemetry;
  private final DecisionStream stream;
  private final PrometheusMeterRegistry metrics;
  private final TenantStats stats;
  private final ExecutorService background;
  private final EmbeddedEngine engine;
  private final Runs runs;
  private final ScheduledExecutorService checkpoints;
  private final List<DurableLearner> learners;
  private final Map<String, Long> savedVersions = new ConcurrentHashMap<>();
  private final Api api;
  private final Javalin app;

  private AtomicServer(Builder b) {
    this.config = b.config;
    LOG.info("Atomic server starting with {}", config);
    this.ownsStore = b.store == null;
    this.store = ownsStore ? openStore(config) : b.store;
    this.telemetry = b.telemetry != null ? b.telemetry : telemetryFor(config);
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.stream = new DecisionStream();
    this.stats = new TenantStats(b.clock, config.premiumBidder());
    int replayed = StatsHistory.replay(store.ledger(), stats, DASHBOARD_HISTORY);
    if (replayed > 0) {
      LOG.info("dashboard figures resumed from the ledger's last {} decisions", replayed);
    }
    ExchangeTracing tracing = new ExchangeTracing(telemetry, b.clock);
    // Queued: an award costs a queue insert, not an audit commit; one writer chains the entries in order.
    this.audit = AuditLog.queued(AuditLog.chained(store.audit(), b.clock), AUDIT_QUEUE, AUDIT_LINGER);
    ActiveRuns activeRuns = new ActiveRuns();
    LogContext logContext = new LogContext();
    Exchange.Builder exchangeBuilder = Exchange.builder()
        .utility(config.utility())
        .clock(b.clock)
        // First, so the decision id is in the log context before the other listeners log.
        .listener(logContext)
        // The feedback route records feedback itself, with the caller's note.
        .listener(LedgerRecorder.builder(store).clock(b.clock).runs(activeRuns::stepOf).feedbackRecordedByCaller()
            .build())
        .listener(new ExchangeMetrics(metrics))
        .listener(tracing)
        .listener(stats)
        .listener(stream)
        // Every award, model call and feedback, chained in the ledger's audit table; `atomic audit verify` checks it.
        .listener(new AuditingListener(audit, null));
    if (!config.tenancy().sharedLearning().isEmpty()) {
      exchangeBuilder.learningScopes(LearningScopes.sharedAmong(config.tenancy().sharedLearning()));
    }
    if (config.seed() != null) {
      exchangeBuilder.seed(config.seed());
    }
    b.bidders.forEach(exchangeBuilder::bidder);
    b.cascades.forEach(exchangeBuilder::cascade);
    b.customize.accept(exchangeBuilder);
    b.storeListeners.forEach(create -> exchangeBuilder.listener(create.apply(store)));
    this.exchange = store.loadState(EXCHANGE_NAME)
        .map(state -> {
          LOG.info("restoring learned state: {} arms, {} auctions held, {} awards waiting for feedback",
              state.snapshot().arms().size(), state.auctionsHeld(), state.pending().size());
          return state.restoreInto(exchangeBuilder);
        })
        .orElseGet(exchangeBuilder::build);
    this.learners = List.copyOf(b.learners);
    for (DurableLearner learner : learners) {
      store.loadLearner(learner.name()).ifPresent(saved -> {
        try {
          learner.restore(saved.json());
        } catch (RuntimeException e) {
          // Starting afresh would overwrite what it learned at the next save: refuse instead, and say why.
          throw new IllegalStateException("the saved state of learner '" + learner.name() + "' cannot be restored: "
              + e.getMessage(), e);
        }
        savedVersions.put(learner.name(), learner.version());
        LOG.info("restored learner {} as saved at {}", learner.name(), saved.savedAt());
      });
    }
    config.tenancy().budgetsUsdPerDay()
        .forEach((tenant, usd) -> exchange.budget(tenant, Budget.of(usd, Duration.ofDays(1))));
    this.background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("atomic-async-", 0).factory());
    InstantSource clock = b.clock;
    // Journaled in the ledger: a run interrupted by a stop or a crash resumes at the next start without re-running (or
    // re-paying for) the steps it finished.
    // The log context wraps the tracing, so that the lines logged under a step's spans carry its run and step ids.
    RunObserver observer = RunObserver.nested(logContext, new RunTracing(telemetry, tracing, clock));
    this.engine = EmbeddedEngine.create(exchange, cfg -> cfg.clock(clock).journal(EngineJournal.on(store))
        .observer(observer));
    this.runs = new Runs(engine, b.pipelines, activeRuns, store, b.clock);
    runs.resumeInterrupted();
    this.checkpoints = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("atomic-checkpoint")
        .factory());
    checkpoints.scheduleWithFixedDelay(runs::maintainLeases, Runs.RENEW_EVERY.toMillis(),
        Runs.RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    if (config.checkpointSeconds() > 0) {
      checkpoints.scheduleWithFixedDelay(this::checkpoint, config.checkpointSeconds(), config.checkpointSeconds(),
          TimeUnit.SECONDS);
    }
    this.api = new Api(exchange, store, stream, stats, tracing, metrics, runs, b.clock, config.maxBodyBytes(),
        background, config.tenancy());
    this.app = Javalin.create(cfg -> {
      cfg.http.maxRequestSize = config.maxBodyBytes();
      cfg.concurrency.useVirtualThreads = true;
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.host = config.host();
      // Paths that do not decode reach PathGuard, which refuses them after reading their body, rather than being
      // refused by Jetty with the body unread.
      cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(PathGuard.COMPLIANCE));
      cfg.jetty.modifyServer(server -> {
        server.setErrorHandler(new JsonErrorHandler());
        // Javalin puts its servlet context inside the handler the server already has.
        server.setHandler(new PathGuard(config.maxBodyBytes()));
      });
      // Jetty's default accept queue is the JDK's 50: a burst of clients connecting at once to a busy server overflows
      // it, and their connections time out or are reset before a handler sees them. Queue a burst that size instead.
      cfg.jetty.addConnector((server, http) -> {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
      });
      Dashboard.register(cfg);
      api.register(cfg.routes);
    });
  }

  /** Starts configuring a server. */
  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  private Javalin startListening() {
    try {
      app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    LOG.info("Atomic server listening on http://{}:{}/ (dashboard at /dashboard/)", config.host(), app.port());
    return app;
  }

  /** The port the server listens on (the chosen one when configured with 0). */
  public int port() {
    return app.port();
  }

  public Exchange exchange() {
    return exchange;
  }

  /** The audit trail; {@link QueuedAuditLog#flush()} waits until every audited event so far is in the ledger. */
  public QueuedAuditLog audit() {
    return audit;
  }

  public Store store() {
    return store;
  }

  public ServerConfig config() {
    return config;
  }

  /** The routes the API serves, as registered. */
  public List<Api.Route> routes() {
    return api.routes();
  }

  /** Stops listening, saves what the exchange learned, and closes the ledger (when the server opened it). */
  @Override
  public void close() {
    // Event-stream clients first, while their connections are still served; closing them after the server has
    // stopped touches recycled responses.
    stream.close();
    try {
      app.stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping the HTTP server failed: {}", e.getMessage());
    }
    background.shutdownNow();
    runs.stopping();
    // No lease renewal may follow the release below, or the next server would wait for the lease to lapse.
    checkpoints.shutdownNow();
    try {
      checkpoints.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    engine.close();
    runs.stopped();
    checkpoint();
    exchange.close();
    audit.close();
    telemetry.close();
    if (ownsStore) {
      store.close();
    }
    metrics.close();
  }

  /**
   * Saves what the exchange has learned and the awards waiting for feedback, and each learner whose version moved.
   * While auctions are in flight the count of auctions and the estimates may be a moment apart; the save at a clean
   * stop, with none in flight, is exact.
   */
  private void checkpoint() {
    try {
      store.saveState(EXCHANGE_NAME, ExchangeState.of(exchange));
    } catch (RuntimeException e) {
      LOG.warn("could not save the exchange's learned state: {}", e.getMessage());
    }
    for (DurableLearner learner : learners) {
      long version = learner.version();
      if (Long.valueOf(version).equals(savedVersions.get(learner.name()))) {
        continue;
      }
      try {
        store.saveLearner(learner.name(), version, learner.stateJson());
        savedVersions.put(learner.name(), version);
      } catch (RuntimeException e) {
        LOG.warn("could not save the state of learner {}: {}", learner.name(), e.getMessage());
      }
    }
  }

  private static Store openStore(ServerConfig config) {
    Duration keyCache = Duration.ofSeconds(config.tenancy().keyCacheSeconds());
    if (config.postgres()) {
      return Store.open(c -> c.postgres(config.storeUrl(), config.storeUser(),
          config.storePassword() == null ? null : config.storePassword().reveal(), config.storeSchema())
          .apiKeyCache(keyCache));
    }
    Path file = Path.of(config.storeUrl());
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot create the folder of the SQLite ledger " + file.toAbsolutePath()
          + ": " + e.getMessage(), e);
    }
    return Store.open(c -> c.sqlite(file).apiKeyCache(keyCache));
  }

  private static Telemetry telemetryFor(ServerConfig config) {
    if (config.otlpEndpoint() == null) {
      return Telemetry.off();
    }
    Map<String, String> headers = new HashMap<>();
    config.otlpHeaders().forEach((k, v) -> headers.put(k, v.reveal()));
    return Telemetry.otlp(config.otlpEndpoint(), headers, config.serviceName());
  }

  /** Configures an {@link AtomicServer}: its bidders, and anything else about its exchange. */
  public static final class Builder {
    private final ServerConfig config;
    private final List<Bidder> bidders = new ArrayList<>();
    private final List<Cascade> cascades = new ArrayList<>();
    private final List<Pipeline> pipelines = new ArrayList<>();
    private Consumer<Exchange.Builder> customize = b -> { };
    private final List<Function<Store, ? extends ExchangeListener>> storeListeners = new ArrayList<>();
    private InstantSource clock = InstantSource.system();
    private Store store;
    private Telemetry telemetry;
    private final List<DurableLearner> learners = new ArrayList<>();

    private Builder(ServerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    public Builder bidder(Bidder bidder) {
      bidders.add(Objects.requireNonNull(bidder, "bidder"));
      return this;
    }

    public Builder cascade(Cascade cascade) {
      cascades.add(Objects.requireNonNull(cascade, "cascade"));
      return this;
    }

    /** A learner whose state the server restores at start and saves with the exchange's; names must differ. */
    public Builder learner(DurableLearner learner) {
      Objects.requireNonNull(learner, "learner");
      if (learners.stream().anyMatch(l -> l.name().equals(learner.name()))) {
        throw new IllegalArgumentException("two learners are named '" + learner.name() + "'");
      }
      learners.add(learner);
      return this;
    }

    /** A pipeline callers may run with {@code POST /v1/runs}, by its name. */
    public Builder pipeline(Pipeline pipeline) {
      pipelines.add(Objects.requireNonNull(pipeline, "pipeline"));
      return this;
    }

    /** Anything else about the exchange: policy, budgets, timeouts. The server adds its own listeners. */
    public Builder exchange(Consumer<Exchange.Builder> configure) {
      this.customize = Objects.requireNonNull(configure, "configure");
      return this;
    }

    /**
     * A listener of the exchange built from the server's store, the one it opens or was given: for a listener that
     * reads the ledger, such as one recalling what a decision served when its feedback comes after a restart.
     */
    public Builder listener(Function<Store, ? extends ExchangeListener> create) {
      storeListeners.add(Objects.requireNonNull(create, "create"));
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A ledger opened by the caller, who then closes it; by default the server opens the configured one. */
    public Builder store(Store store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Where spans go; by default OTLP when the configuration names an endpoint, else nowhere. */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
      return this;
    }

    /** Builds the server and starts listening. */
    public AtomicServer start() {
      AtomicServer server = new AtomicServer(this);
      server.startListening();
      return server;
    }
  }
}
