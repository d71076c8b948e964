package dev.atomic.estimate;

import java.util.random.RandomGenerator;

/**
 * A Bayesian online logistic regression that predicts the probability that an arm's result is acceptable.
 *
 * <p>Design. The input vector is {@code x = [logit(claimed quality), 1, features...]}, so one model does three jobs at once:
 * the weight on the claim and the bias <em>calibrate</em> the bidder's self-reported confidence against its track record
 * (a bidder that claims 0.95 and delivers 0.70 ends up discounted, like an ad exchange's quality score); the bias alone
 * learns the success rate of a bidder that claims nothing; and the feature weights learn where, in the space of inputs,
 * the bidder does well (contextual routing).
 *
 * <p>The posterior over the weights is Gaussian, {@code N(mean, cov)}, updated after each outcome by the standard
 * Laplace (extended Kalman) step for logistic regression, a rank-one Sherman–Morrison update in O(d²) with no matrix
 * inversion. The prior is centred on "trust the claim" ({@code [1, 0, 0...]}).
 *
 * <p>Exploration is Thompson sampling. For a given input only the scalar {@code z = wᵀx} matters, and under the Gaussian
 * posterior it is itself Gaussian, {@code N(meanᵀx, xᵀ cov x)}; drawing that scalar is exactly equivalent to drawing the
 * whole weight vector and costs O(d²) instead of a Cholesky factorisation.
 *
 * <p>Not thread-safe; the {@link Estimator} guards each model.
 */
final class QualityModel {

  /** Keeps claims away from 0 and 1, where the logit is infinite. */
  private static final double CLAIM_EPSILON = 1e-4;
  private static final double MIN_CURVATURE = 1e-6;

  private final int dimension;
  private final double[] mean;
  /** Row-major, symmetric positive definite. */
  private final double[] cov;
  private final double[] scratch;
  private double weight;

  QualityModel(int featureDimension, EstimatorConfig config) {
    this.dimension = featureDimension + 2;
    this.mean = new double[dimension];
    this.cov = new double[dimension * dimension];
    this.scratch = new double[dimension];
    mean[0] = 1.0;
    cov[0] = config.claimWeightVariance();
    cov[dimension + 1] = config.biasVariance();
    for (int i = 2; i < dimension; i++) {
      cov[i * dimension + i] = config.featureVariance();
    }
  }

  private QualityModel(double[] mean, double[] cov, double weight) {
    this.dimension = mean.length;
    this.mean = mean;
    this.cov = cov;
    this.scratch = new double[dimension];
    this.weight = weight;
  }

  static QualityModel restore(double[] mean, double[] cov, double weight) {
    if (mean.length < 2 || cov.length != mean.length * mean.length) {
      throw new IllegalArgumentException(
          "quality model state is inconsistent: mean has " + mean.length + " values, covariance " + cov.length);
    }
    return new QualityModel(mean.clone(), cov.clone(), weight);
  }

  int featureDimension() {
    return dimension - 2;
  }

  /** Sum of outcome weights observed so far. */
  double observations() {
    return weight;
  }

  double[] meanCopy() {
    return mean.clone();
  }

  double[] covarianceCopy() {
    return cov.clone();
  }

  /** Posterior mean of the logit for the given claim and features. */
  double logitMean(double claim, double[] features) {
    checkDimension(features);
    double z = mean[0] * logit(claim) + mean[1];
    for (int i = 0; i < features.length; i++) {
      z += mean[i + 2] * features[i];
    }
    return z;
  }

  /** Posterior variance of the logit, {@code xᵀ cov x}. */
  double logitVariance(double claim, double[] features) {
    return logitVarianceAt(logit(claim), features);
  }

  /** The posterior predictive probability of success (probit approximation of the logistic-Gaussian integral). */
  static double meanProbability(double logitMean, double logitVariance) {
    return sigmoid(logitMean / Math.sqrt(1 + Math.PI * logitVariance / 8));
  }

  /** One Thompson draw of the success probability. */
  static double sample(double logitMean, double logitVariance, RandomGenerator random) {
    return sigmoid(logitMean + Math.sqrt(logitVariance) * random.nextGaussian());
  }

  /**
   * Learns from one outcome. {@code outcome} is 1 for an acceptable result, 0 for a failure, or a graded quality in
   * between; {@code weight} scales the evidence (1 for one observation).
   */
  void update(double claim, double[] features, double outcome, double weight) {
    checkDimension(features);
    double c = logit(claim);
    double m = mean[0] * c + mean[1];
    for (int i = 0; i < features.length; i++) {
      m += mean[i + 2] * features[i];
    }
    double s = logitVarianceAt(c, features); // fills scratch with v = cov x
    double p = sigmoid(m);
    double h = Math.max(p * (1 - p), MIN_CURVATURE) * weight;
    double shrink = h / (1 + h * s);
    double step = weight * (outcome - p) / (1 + h * s);
    // mean += (cov_new x) * (y - p), and cov_new x = v / (1 + h s)
    for (int i = 0; i < dimension; i++) {
      mean[i] += scratch[i] * step;
    }
    // cov -= v vᵀ h / (1 + h s)
    for (int i = 0; i < dimension; i++) {
      double vi = scratch[i] * shrink;
      int row = i * dimension;
      for (int j = 0; j < dimension; j++) {
        cov[row + j] -= vi * scratch[j];
      }
    }
    this.weight += weight;
  }

  /** {@code xᵀ cov x} for {@code x = [c, 1, features]}; leaves {@code cov x} in {@code scratch}. */
  private double logitVarianceAt(double c, double[] features) {
    fillCovTimesX(c, features);
    double s = scratch[0] * c + scratch[1];
    for (int i = 0; i < features.length; i++) {
      s += scratch[i + 2] * features[i];
    }
    return Math.max(s, 0);
  }

  private void checkDimension(double[] features) {
    if (features.length != dimension - 2) {
      throw new IllegalArgumentException(
          "features have dimension " + features.length + " but this estimate was learned on " + (dimension - 2));
    }
  }

  private void fillCovTimesX(double c, double[] features) {
    checkDimension(features);
    for (int i = 0; i < dimension; i++) {
      int row = i * dimension;
      double v = cov[row] * c + cov[row + 1];
      for (int j = 0; j < features.length; j++) {
        v += cov[row + j + 2] * features[j];
      }
      scratch[i] = v;
    }
  }

  static double logit(double p) {
    double q = Math.clamp(p, CLAIM_EPSILON, 1 - CLAIM_EPSILON);
    return Math.log(q / (1 - q));
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
