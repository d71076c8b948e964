package dev.atomic.cli;

import dev.atomic.adapt.LearningListener;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.models.config.ConfiguredModels;
import dev.atomic.models.config.ModelSpec;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.JsonLogging;
import dev.atomic.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomic serve}: runs the service until stopped, on embedded defaults (SQLite under {@code ./data/}, port 8080)
 * or the given configuration file, with {@code ATOMIC_*} environment variables over both. Logs are JSON lines.
 *
 * <p>The service registers the models of the configuration's {@code models:} section (see {@link ModelSetup}); programs
 * that embed {@link AtomicServer} may register more. With
 * {@code --simulated} it registers three simulated bidders (named {@code sim-...}, answering canned text with declared
 * success rates) so the API and the dashboard can be tried without any model; they are not models.
 */
@Command(name = "serve", description = "Run the HTTP service and dashboard (Ctrl-C to stop).")
final class ServeCommand implements Callable<Integer> {

  /** Served microtasks remembered for the heads until their feedback arrives. */
  private static final int HEADS_AWAITING_FEEDBACK = 50_000;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see config/atomic.example.yaml)")
  Path config;

  @Option(names = "--port", paramLabel = "PORT", description = "overrides the configured port")
  Integer port;

  @Option(names = "--simulated", description = "register three simulated bidders (no model) to try the service")
  boolean simulated;

  @Option(names = "--log-level", defaultValue = "INFO", description = "INFO, DEBUG, WARN (default ${DEFAULT-VALUE})")
  String logLevel;

  @Override
  public Integer call() throws InterruptedException {
    if (config != null && !Files.isRegularFile(config)) {
      System.err.println("no configuration file at " + config.toAbsolutePath());
      return 2;
    }
    ServerConfig settings;
    try {
      settings = ServerConfig.load(config, System.getenv());
      if (port != null) {
        settings = settings.withPort(port);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    ConfiguredModels models;
    try {
      models = ModelSetup.build(config, System.getenv());
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    JsonLogging.install(System.out, logLevel);
    AtomicServer.Builder builder = AtomicServer.builder(settings);
    models.bidders().forEach(builder::bidder);
    // Heads learn from the feedback posted to the API, however late (what left memory is recalled from the ledger),
    // and keep what they learned across restarts.
    models.adaptation().ifPresent(adaptation -> builder
        .listener(store -> new LearningListener(adaptation, HEADS_AWAITING_FEEDBACK, new LedgerRecall(store.ledger())))
        .learner(new HeadsLearner(adaptation)));
    if (simulated) {
      SplittableRandom random = new SplittableRandom(settings.seed() == null ? 7 : settings.seed());
      builder.bidder(new SimulatedBidder("sim-local", BidderProfile.local(), 0.80, 0.88, 0.00001, 4, random.split()))
          .bidder(new SimulatedBidder("sim-mid", BidderProfile.hosted("simulated", "eu-west"), 0.92, 0.93, 0.0008,
              400, random.split()))
          .bidder(new SimulatedBidder("sim-premium", BidderProfile.hosted("simulated", "us-east"), 0.99, 0.97, 0.012,
              900, random.split()));
    }
    AtomicServer server;
    try {
      server = builder.start();
    } catch (RuntimeException e) {
      models.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      server.close();
      models.close();
      stopped.countDown();
    }));
    System.err.printf("Atomic serving on http://%s:%d/ (dashboard /dashboard/, API /openapi.json)%s%s%n",
        settings.host(), server.port(), models.bidders().isEmpty() ? "" : " with configured models "
            + models.specs().stream().map(ModelSpec::id).toList(),
        simulated ? " with simulated bidders" : models.bidders().isEmpty() ? " with no bidders registered" : "");
    stopped.await();
    return 0;
  }
}
