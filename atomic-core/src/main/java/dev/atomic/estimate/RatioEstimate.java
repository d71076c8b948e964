package dev.atomic.estimate;

/**
 * Learns how an arm's real cost (or latency) compares with what it claims: the mean of actual/claimed over observed
 * calls, shrunk towards 1 by a prior weight. Claims of zero (the bidder does not know) fall back to the mean actual value.
 * Not thread-safe; the {@link Estimator} guards it.
 */
final class RatioEstimate {

  private final double priorWeight;
  private double ratioSum;
  private double ratioCount;
  private double actualSum;
  private double count;

  RatioEstimate(double priorWeight) {
    this.priorWeight = priorWeight;
  }

  static RatioEstimate restore(double priorWeight, EstimatorSnapshot.Ratio state) {
    RatioEstimate estimate = new RatioEstimate(priorWeight);
    estimate.ratioSum = state.ratioSum();
    estimate.ratioCount = state.ratioCount();
    estimate.actualSum = state.actualSum();
    estimate.count = state.count();
    return estimate;
  }

  EstimatorSnapshot.Ratio state() {
    return new EstimatorSnapshot.Ratio(ratioSum, ratioCount, actualSum, count);
  }

  /** The expected real value for a claim. */
  double expected(double claimed) {
    if (claimed > 0) {
      return claimed * (ratioSum + priorWeight) / (ratioCount + priorWeight);
    }
    return count > 0 ? actualSum / count : 0;
  }

  void observe(double claimed, double actual) {
    if (claimed > 0) {
      ratioSum += actual / claimed;
      ratioCount++;
    }
    actualSum += actual;
    count++;
  }
}
