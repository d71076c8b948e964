package dev.atomic.bench.routing;

import static dev.atomic.bench.routing.CascadeFamily.Shape.MAJORITY_OF_THREE;
import static dev.atomic.bench.routing.CascadeFamily.Shape.PAIRS;
import static dev.atomic.bench.routing.CascadeFamily.Shape.SECOND_PAIR;

import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.exchange.Cascade;
import java.util.List;
import java.util.Locale;

/**
 * One configuration of the exchange under test: how many context dimensions the question's embedding is reduced to
 * (0 for none), how widely Thompson sampling explores, whether the cascades' verifier declares a single correct
 * answer, so that feedback teaches every first-stage model a cascade called ({@link CascadeFamily#declare}), how many
 * of the cheapest models the cascade family leaves out, and whether bidders claim their published reputation
 * ({@link ModelReputation}) instead of a flat claim, and how often a top-two challenger wins the auction
 * ({@link EstimatorConfig#topTwoProbability()}; 0 for plain Thompson sampling) and whether only cheaper arms may
 * challenge ({@link EstimatorConfig#cheaperChallengers()}), and the shape of the cascades ({@link CascadeFamily.Shape}:
 * a cheap pair, a second cheap pair before the strongest model, or a vote of three).
 */
record Variant(int dims, double explorationScale, boolean teachDissenters, int skipCheapest, boolean reputation,
    double topTwo, boolean cheaperChallengers, CascadeFamily.Shape shape) {

  /** The declared candidates; the benchmark picks one on the train split alone, then runs all on the whole stream. */
  static final List<Variant> CANDIDATES = List.of(
      new Variant(0, 0.4, true), new Variant(0, 0.3, true), new Variant(0, 0.4, true, 0, true),
      new Variant(0, 0.3, true, 0, true), new Variant(0, 0.4, true, 2, false),
      new Variant(0, 0.4, true, 0, false, 0.1, false, PAIRS), new Variant(0, 0.3, true, 0, false, 0.25, false, PAIRS),
      new Variant(0, 0.4, true, 0, false, 0.1, true, PAIRS), new Variant(0, 0.4, true, 0, false, 0, false, SECOND_PAIR),
      new Variant(0, 0.4, true, 0, false, 0, false, MAJORITY_OF_THREE));

  Variant {
    if (dims < 0 || dims > 384) {
      throw new IllegalArgumentException("context dimensions must be in [0, 384], was " + dims);
    }
  }

  Variant(int dims, double explorationScale) {
    this(dims, explorationScale, false);
  }

  Variant(int dims, double explorationScale, boolean teachDissenters) {
    this(dims, explorationScale, teachDissenters, 0, false);
  }

  Variant(int dims, double explorationScale, boolean teachDissenters, int skipCheapest, boolean reputation) {
    this(dims, explorationScale, teachDissenters, skipCheapest, reputation, 0, false, CascadeFamily.Shape.PAIRS);
  }

  /** The quality a model's bids claim: its published reputation in a variant that uses it, else the flat claim. */
  double claim(String model) {
    return reputation ? ModelReputation.claim(model) : ReplayBidder.FLAT_CLAIM;
  }

  List<Cascade> cascades(List<ModelPrice> prices) {
    return CascadeFamily.declare(prices, teachDissenters, skipCheapest, shape);
  }

  /** The core's default priors, with this variant's exploration and top-two settings. */
  EstimatorConfig estimator() {
    return EstimatorConfig.defaults().withExplorationScale(explorationScale).withTopTwoProbability(topTwo)
        .withCheaperChallengers(cheaperChallengers);
  }

  String label() {
    return String.format(Locale.ROOT, "%s, exploration x%s", dims == 0 ? "no context" : dims + "-dim context",
        explorationScale == 1.0 ? "1 (plain Thompson)" : String.valueOf(explorationScale))
        + (teachDissenters ? ", cascades teach dissenters" : "")
        + (skipCheapest == 0 ? "" : ", cascades without the " + skipCheapest + " cheapest")
        + (reputation ? ", published-reputation claims" : "")
        + (topTwo == 0 ? "" : ", top-two β=" + topTwo + (cheaperChallengers ? " (cheaper challengers)" : ""))
        + switch (shape) {
          case PAIRS -> "";
          case SECOND_PAIR -> ", a second cheap pair before the strongest";
          case MAJORITY_OF_THREE -> ", cascades of a three-model majority vote";
        };
  }
}
