package dev.atomic.store;

import dev.atomic.exchange.Decision;
import java.util.Objects;

/**
 * An auction's decision, with every bid and exclusion; kept as queryable columns and as the whole decision in JSON.
 *
 * @param decision the decision
 * @param runId the run it belongs to, or {@code null}
 * @param stepId the step it belongs to, or {@code null}
 */
public record DecisionEntry(Decision decision, String runId, String stepId) implements LedgerEntry {

  public DecisionEntry {
    Objects.requireNonNull(decision, "decision");
    Checks.id("decision id", decision.id());
    Checks.optionalId("run id", runId);
    Checks.optionalId("step id", stepId);
  }

  /** A decision outside any run. */
  public static DecisionEntry of(Decision decision) {
    return new DecisionEntry(decision, null, null);
  }

  @Override
  public String describe() {
    return "decision " + decision.id() + " (" + decision.kind() + ")";
  }
}
