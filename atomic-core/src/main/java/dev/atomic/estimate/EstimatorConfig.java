package dev.atomic.estimate;

/**
 * Priors of the {@link Estimator}.
 *
 * @param claimWeightVariance how far the weight on a bidder's claim may move from 1 ("trust the claim")
 * @param biasVariance how far the learned bias may move from 0; larger learns a bidder's real rate faster
 * @param featureVariance prior variance of each context feature's weight; 0 disables contextual learning
 * @param costPriorWeight how many observations the claimed cost is worth against observed costs
 */
public record EstimatorConfig(
    double claimWeightVariance, double biasVariance, double featureVariance, double costPriorWeight) {

  public EstimatorConfig {
    check("claimWeightVariance", claimWeightVariance);
    check("biasVariance", biasVariance);
    check("featureVariance", featureVariance);
    check("costPriorWeight", costPriorWeight);
    if (biasVariance == 0) {
      throw new IllegalArgumentException("biasVariance must be > 0, or no bidder could ever be learned");
    }
  }

  /** Priors that trust a bidder's claim at first and learn its real rate within tens of outcomes. */
  public static EstimatorConfig defaults() {
    return new EstimatorConfig(0.25, 2.0, 0.5, 1.0);
  }

  public EstimatorConfig withFeatureVariance(double variance) {
    return new EstimatorConfig(claimWeightVariance, biasVariance, variance, costPriorWeight);
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
