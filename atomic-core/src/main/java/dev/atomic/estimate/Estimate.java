package dev.atomic.estimate;

import java.util.random.RandomGenerator;

/**
 * The exchange's belief about one bid: its posterior over quality and its expected real cost and latency.
 *
 * @param logitMean posterior mean of the logit of the success probability
 * @param logitVariance posterior variance of that logit
 * @param meanQuality the posterior predictive probability of success
 * @param expectedCostUsd expected real cost, after correcting the claim by the track record
 * @param expectedLatencyMs expected real latency, likewise
 * @param observations how many outcomes this belief rests on
 */
public record Estimate(
    double logitMean,
    double logitVariance,
    double meanQuality,
    double expectedCostUsd,
    double expectedLatencyMs,
    double observations) {

  /** One Thompson draw of the success probability. */
  public double sample(RandomGenerator random) {
    return QualityModel.sample(logitMean, logitVariance, random);
  }

  /** One Thompson draw with the posterior's standard deviation multiplied by {@code scale} (1: {@link #sample}). */
  public double sample(RandomGenerator random, double scale) {
    return QualityModel.sample(logitMean, scale * scale * logitVariance, random);
  }
}
