package dev.atomic.bench.routing;

import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.exchange.Cascade;
import java.util.List;
import java.util.Locale;

/**
 * One configuration of the exchange under test: how many context dimensions the question's embedding is reduced to
 * (0 for none), how widely Thompson sampling explores, whether the cascades' verifier declares a single correct
 * answer, so that feedback teaches every first-stage model a cascade called ({@link CascadeFamily#declare}), how many
 * of the cheapest models the cascade family leaves out, and whether bidders claim their published reputation
 * ({@link ModelReputation}) instead of a flat claim.
 */
record Variant(int dims, double explorationScale, boolean teachDissenters, int skipCheapest, boolean reputation) {

  /** The declared candidates; the benchmark picks one on the train split alone, then runs all on the whole stream. */
  static final List<Variant> CANDIDATES = List.of(
      new Variant(0, 0.4, true), new Variant(0, 0.3, true), new Variant(0, 0.4, true, 0, true),
      new Variant(0, 0.3, true, 0, true), new Variant(0, 0.4, true, 2, false));

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

  /** The quality a model's bids claim: its published reputation in a variant that uses it, else the flat claim. */
  double claim(String model) {
    return reputation ? ModelReputation.claim(model) : ReplayBidder.FLAT_CLAIM;
  }

  List<Cascade> cascades(List<ModelPrice> prices) {
    return CascadeFamily.declare(prices, teachDissenters, skipCheapest);
  }

  /** The core's default priors, with this variant's exploration scale. */
  EstimatorConfig estimator() {
    return EstimatorConfig.defaults().withExplorationScale(explorationScale);
  }

  String label() {
    return String.format(Locale.ROOT, "%s, exploration x%s", dims == 0 ? "no context" : dims + "-dim context",
        explorationScale == 1.0 ? "1 (plain Thompson)" : String.valueOf(explorationScale))
        + (teachDissenters ? ", cascades teach dissenters" : "")
        + (skipCheapest == 0 ? "" : ", cascades without the " + skipCheapest + " cheapest")
        + (reputation ? ", published-reputation claims" : "");
  }
}
