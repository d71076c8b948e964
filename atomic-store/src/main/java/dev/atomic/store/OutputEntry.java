package dev.atomic.store;

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

  @Override
  public String describe() {
    return "output of decision " + decisionId;
  }
}
