package dev.atomic.exchange;

/**
 * What happened after an award, possibly long after: the quality of the result and, when known, what it really cost.
 *
 * @param quality 1 for accepted, 0 for rejected, or a graded score in between
 * @param actualCostUsd the real cost in USD, or NaN when not known
 * @param actualLatencyMs the real latency in milliseconds, or NaN when not known
 */
public record Feedback(double quality, double actualCostUsd, double actualLatencyMs) {

  public Feedback {
    if (!(quality >= 0 && quality <= 1)) {
      throw new IllegalArgumentException("feedback quality must be in [0, 1], was " + quality);
    }
    if (!Double.isNaN(actualCostUsd) && (actualCostUsd < 0 || Double.isInfinite(actualCostUsd))) {
      throw new IllegalArgumentException("feedback cost must be a finite amount >= 0 USD or NaN, was " + actualCostUsd);
    }
    if (!Double.isNaN(actualLatencyMs) && (actualLatencyMs < 0 || Double.isInfinite(actualLatencyMs))) {
      throw new IllegalArgumentException("feedback latency must be a finite number >= 0 ms or NaN, was " + actualLatencyMs);
    }
  }

  public static Feedback accepted() {
    return new Feedback(1, Double.NaN, Double.NaN);
  }

  public static Feedback rejected() {
    return new Feedback(0, Double.NaN, Double.NaN);
  }

  public static Feedback score(double quality) {
    return new Feedback(quality, Double.NaN, Double.NaN);
  }

  public Feedback withActualCost(double usd, double latencyMs) {
    return new Feedback(quality, usd, latencyMs);
  }

  public boolean hasActualCost() {
    return !Double.isNaN(actualCostUsd);
  }
}
