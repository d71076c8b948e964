package dev.atomic.estimate;

/**
 * Priors of the {@link Estimator}.
 *
 * @param claimWeightVariance how far the weight on a bidder's claim may move from 1 ("trust the claim")
 * @param biasVariance how far the learned bias may move from 0; larger learns a bidder's real rate faster
 * @param featureVariance prior variance of each context feature's weight; 0 disables contextual learning
 * @param costPriorWeight how many observations the claimed cost is worth against observed costs
 * @param explorationScale how widely the Thompson draw explores: the posterior's standard deviation is multiplied by it
 *     for the draw (1 is plain Thompson sampling; below 1 explores less, which pays when many arms compete over a
 *     short stream; 0 scores the posterior mean alone)
 * @param topTwoProbability how often the auction is won by a challenger rather than by the leader (top-two Thompson
 *     sampling, Russo 2016): with this probability every candidate's quality is drawn a second time, and the award goes
 *     to the best of that second draw among the candidates other than the first draw's winner. It keeps learning about
 *     the runner-up, so that an arm which had early bad luck is not abandoned for good when a dearer arm leads. 0 (the
 *     default) is plain Thompson sampling, with the same draws; must be in [0, 1]
 * @param cheaperChallengers whether only candidates with a lower expected cost than the leader may challenge it, so that
 *     the top-two exploration never spends more than the leader would (cost-aware exploration: it keeps learning the
 *     cheaper arms that a dear leader would otherwise starve); no effect without a top-two probability
 * @param cascadeMemberWeight whether, and how strongly, a cascade's belief is composed from its members' track records
 *     ({@link CascadeBelief}): 0 (the default) learns each cascade alone, as one arm, from its own awards; above 0 the
 *     cascade's quality, cost and latency are composed from how often each stage stops it, how often a stopping stage
 *     is right, and what is known of each member from every award that called it, and this weight is how many outcomes
 *     a stage's members' record is worth against the stage's own outcomes
 */
public record EstimatorConfig(
    double claimWeightVariance,
    double biasVariance,
    double featureVariance,
    double costPriorWeight,
    double explorationScale,
    double topTwoProbability,
    boolean cheaperChallengers,
    double cascadeMemberWeight) {

  public EstimatorConfig {
    check("claimWeightVariance", claimWeightVariance);
    check("biasVariance", biasVariance);
    check("featureVariance", featureVariance);
    check("costPriorWeight", costPriorWeight);
    check("explorationScale", explorationScale);
    check("cascadeMemberWeight", cascadeMemberWeight);
    if (!(topTwoProbability >= 0 && topTwoProbability <= 1)) {
      throw new IllegalArgumentException("topTwoProbability must be in [0, 1], was " + topTwoProbability);
    }
    if (biasVariance == 0) {
      throw new IllegalArgumentException("biasVariance must be > 0, or no bidder could ever be learned");
    }
  }

  /** Priors with plain Thompson sampling (exploration scale 1). */
  public EstimatorConfig(
      double claimWeightVariance, double biasVariance, double featureVariance, double costPriorWeight) {
    this(claimWeightVariance, biasVariance, featureVariance, costPriorWeight, 1.0);
  }

  /** Priors with an exploration scale and no top-two challenger. */
  public EstimatorConfig(double claimWeightVariance, double biasVariance, double featureVariance,
      double costPriorWeight, double explorationScale) {
    this(claimWeightVariance, biasVariance, featureVariance, costPriorWeight, explorationScale, 0, false, 0);
  }

  /** Priors with an exploration scale, a top-two challenger, and cascades learned alone. */
  public EstimatorConfig(double claimWeightVariance, double biasVariance, double featureVariance,
      double costPriorWeight, double explorationScale, double topTwoProbability, boolean cheaperChallengers) {
    this(claimWeightVariance, biasVariance, featureVariance, costPriorWeight, explorationScale, topTwoProbability,
        cheaperChallengers, 0);
  }

  /** Priors that trust a bidder's claim at first and learn its real rate within tens of outcomes. */
  public static EstimatorConfig defaults() {
    return new EstimatorConfig(0.25, 2.0, 0.5, 1.0);
  }

  public EstimatorConfig withFeatureVariance(double variance) {
    return new EstimatorConfig(claimWeightVariance, biasVariance, variance, costPriorWeight, explorationScale,
        topTwoProbability, cheaperChallengers, cascadeMemberWeight);
  }

  public EstimatorConfig withExplorationScale(double scale) {
    return new EstimatorConfig(claimWeightVariance, biasVariance, featureVariance, costPriorWeight, scale,
        topTwoProbability, cheaperChallengers, cascadeMemberWeight);
  }

  public EstimatorConfig withTopTwoProbability(double probability) {
    return new EstimatorConfig(claimWeightVariance, biasVariance, featureVariance, costPriorWeight, explorationScale,
        probability, cheaperChallengers, cascadeMemberWeight);
  }

  public EstimatorConfig withCheaperChallengers(boolean cheaperOnly) {
    return new EstimatorConfig(claimWeightVariance, biasVariance, featureVariance, costPriorWeight, explorationScale,
        topTwoProbability, cheaperOnly, cascadeMemberWeight);
  }

  /** These priors with cascades composed from their members' records at the given weight (0: learned alone). */
  public EstimatorConfig withCascadeMemberWeight(double weight) {
    return new EstimatorConfig(claimWeightVariance, biasVariance, featureVariance, costPriorWeight, explorationScale,
        topTwoProbability, cheaperChallengers, weight);
  }

  /** Whether cascades are believed as compositions of their members ({@link #cascadeMemberWeight()} above 0). */
  public boolean composesCascades() {
    return cascadeMemberWeight > 0;
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
