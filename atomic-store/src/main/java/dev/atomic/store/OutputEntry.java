package dev.atomic.store;

import dev.atomic.exchange.Execution;
import java.time.Instant;
import java.util.Objects;

/**
 * The output accepted for an award, as JSON. Its decision must have been recorded first.
 *
 * @param decisionId the decision whose award produced it
 * @param outputJson the output
 * @param at when it was accepted
 */
public record OutputEntry(String decisionId, String outputJson, Instant at) implements LedgerEntry {

  public OutputEntry {
    Checks.id("decision id", decisionId);
    Json.requireWellFormed("output of decision " + decisionId, outputJson);
    Objects.requireNonNull(at, "at");
  }

  /**
   * The output of an execution, written as JSON.
   *
   * @throws StoreException when the output cannot be written as JSON
   */
  public static OutputEntry of(Execution execution, Instant at) {
    String decisionId = execution.decision().id();
    return new OutputEntry(decisionId, Json.write("the output of decision " + decisionId, execution.output()), at);
  }

  @Override
  public String describe() {
    return "output of decision " + decisionId;
  }
}
