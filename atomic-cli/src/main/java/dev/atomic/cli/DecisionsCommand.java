package dev.atomic.cli;

import dev.atomic.store.AwardView;
import dev.atomic.store.DecisionSummary;
import dev.atomic.store.RunView;
import dev.atomic.store.StepView;
import dev.atomic.store.Store;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomic decisions --decision ID} or {@code --run ID}: explains recorded decisions in the terminal, reading the
 * ledger the service writes (the configured one, or SQLite under {@code ./data/}).
 */
@Command(name = "decisions", description = "Explain a recorded decision, or every decision of a run, from the ledger.")
final class DecisionsCommand extends LedgerCommand {

  static final class Target {
    @Option(names = "--decision", paramLabel = "ID", required = true, description = "one decision")
    String decision;

    @Option(names = "--run", paramLabel = "ID", required = true, description = "a run: its steps and decisions")
    String run;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Override
  public Integer call() {
    return onStore(false, store -> target.decision != null ? decision(store, target.decision) : run(store, target.run));
  }

  private int decision(Store store, String id) {
    Optional<AwardView> award = store.ledger().award(id);
    if (award.isEmpty()) {
      err.println("no decision has id '" + id + "'");
      return 1;
    }
    explain(award.get());
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
      store.ledger().award(summary.id()).ifPresentOrElse(
          this::explain,
          () -> out.println("Decision " + summary.id() + " is listed but its record is missing."));
    }
    return 0;
  }

  private void explain(AwardView award) {
    out.print(award.decision().explain());
    out.print(AwardOutcome.of(award));
  }
}
