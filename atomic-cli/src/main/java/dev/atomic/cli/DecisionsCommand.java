package dev.atomic.cli;

import dev.atomic.exchange.Decision;
import dev.atomic.server.ServerConfig;
import dev.atomic.store.DecisionSummary;
import dev.atomic.store.RunView;
import dev.atomic.store.StepView;
import dev.atomic.store.Store;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomic decisions --decision ID} or {@code --run ID}: explains recorded decisions in the terminal, reading the
 * ledger the service writes (the configured one, or SQLite under {@code ./data/}).
 */
@Command(name = "decisions", description = "Explain a recorded decision, or every decision of a run, from the ledger.")
final class DecisionsCommand implements Callable<Integer> {

  static final class Target {
    @Option(names = "--decision", paramLabel = "ID", required = true, description = "one decision")
    String decision;

    @Option(names = "--run", paramLabel = "ID", required = true, description = "a run: its steps and decisions")
    String run;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration naming the ledger")
  Path config;

  @Option(names = "--db", paramLabel = "URL", description = "a SQLite file or jdbc:postgresql: URL (overrides config)")
  String db;

  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() {
    ServerConfig settings;
    try {
      settings = ServerConfig.load(config, System.getenv());
      if (db != null) {
        settings = settings.withStoreUrl(db);
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (!settings.postgres() && !Files.isRegularFile(Path.of(settings.storeUrl()))) {
      err.println("no ledger at " + Path.of(settings.storeUrl()).toAbsolutePath()
          + "; run 'atomic serve' first, or name one with --db");
      return 2;
    }
    ServerConfig ledger = settings;
    try (Store store = Store.open(c -> {
      if (ledger.postgres()) {
        c.postgres(ledger.storeUrl(), ledger.storeUser(),
            ledger.storePassword() == null ? null : ledger.storePassword().reveal(), ledger.storeSchema());
      } else {
        c.sqlite(Path.of(ledger.storeUrl()));
      }
    })) {
      return target.decision != null ? decision(store, target.decision) : run(store, target.run);
    }
  }

  private int decision(Store store, String id) {
    Optional<Decision> decision = store.ledger().decision(id);
    if (decision.isEmpty()) {
      err.println("no decision has id '" + id + "'");
      return 1;
    }
    out.print(decision.get().explain());
    return 0;
  }

  private int run(Store store, String id) {
    Optional<RunView> found = store.ledger().run(id);
    if (found.isEmpty()) {
      err.println("no run has id '" + id + "'");
      return 1;
    }
    RunView run = found.get();
    out.printf("Run %s of pipeline %s (tenant %s): %s, started %s, updated %s%n", run.id(), run.pipeline(),
        run.tenant(), run.status(), run.startedAt(), run.updatedAt());
    for (StepView step : run.steps()) {
      out.printf("  step %-20s %-10s %s%n", step.stepId(), step.status(), step.detail());
    }
    if (run.decisions().isEmpty()) {
      out.println("No decisions recorded for this run.");
    }
    for (DecisionSummary summary : run.decisions()) {
      out.println();
      store.ledger().decision(summary.id()).ifPresentOrElse(
          d -> out.print(d.explain()),
          () -> out.println("Decision " + summary.id() + " is listed but its record is missing."));
    }
    return 0;
  }
}
