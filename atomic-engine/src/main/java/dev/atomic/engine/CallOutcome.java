package dev.atomic.engine;

import java.util.Objects;

/**
 * A served call: its output, and the award that produced it. This is what is journaled (and, on Temporal, what the
 * workflow history holds), so a resumed run neither auctions nor pays for the call again.
 *
 * @param key the call's key in its run
 * @param outputJson the accepted output, as JSON
 * @param decisionId the exchange's decision that awarded it
 * @param servedBy the arm whose answer was accepted
 * @param costUsd what every attempt cost together, in USD
 */
public record CallOutcome(String key, String outputJson, String decisionId, String servedBy, double costUsd) {

  public CallOutcome {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(outputJson, "outputJson");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(servedBy, "servedBy");
  }
}
