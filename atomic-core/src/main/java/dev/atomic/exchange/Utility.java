package dev.atomic.exchange;

/**
 * How the exchange trades quality against cost and latency: {@code utility = quality − costWeight·USD − latencyWeight·s}.
 *
 * <p>{@code costWeight} is how many points of probability of success one dollar is worth giving up: with 100, a bid
 * that costs one cent more must be one point more likely to succeed to win.
 *
 * @param costWeight quality given up per USD, at least 0
 * @param latencyWeight quality given up per second of expected latency, at least 0
 */
public record Utility(double costWeight, double latencyWeight) {

  public Utility {
    if (!(costWeight >= 0) || Double.isInfinite(costWeight)) {
      throw new IllegalArgumentException("costWeight must be a finite number >= 0, was " + costWeight);
    }
    if (!(latencyWeight >= 0) || Double.isInfinite(latencyWeight)) {
      throw new IllegalArgumentException("latencyWeight must be a finite number >= 0, was " + latencyWeight);
    }
  }

  /** Quality only: the most likely bid wins whatever it costs. */
  public static Utility qualityOnly() {
    return new Utility(0, 0);
  }

  public static Utility of(double costWeight, double latencyWeight) {
    return new Utility(costWeight, latencyWeight);
  }

  public double score(double quality, double costUsd, double latencyMs) {
    return quality - costWeight * costUsd - latencyWeight * latencyMs / 1000.0;
  }
}
