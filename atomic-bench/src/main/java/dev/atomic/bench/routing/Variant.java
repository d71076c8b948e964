package dev.atomic.bench.routing;

import dev.atomic.estimate.EstimatorConfig;
import java.util.List;
import java.util.Locale;

/**
 * One configuration of the exchange under test: how many context dimensions the question's embedding is reduced to
 * (0 for none) and how widely Thompson sampling explores.
 */
record Variant(int dims, double explorationScale) {

  /** The declared candidates; the benchmark picks one on the train split alone, then runs all on the whole stream. */
  static final List<Variant> CANDIDATES = List.of(
      new Variant(16, 1.0), new Variant(16, 0.5), new Variant(0, 1.0), new Variant(0, 0.5));

  Variant {
    if (dims < 0 || dims > 384) {
      throw new IllegalArgumentException("context dimensions must be in [0, 384], was " + dims);
    }
  }

  /** The core's default priors, with this variant's exploration scale. */
  EstimatorConfig estimator() {
    return EstimatorConfig.defaults().withExplorationScale(explorationScale);
  }

  String label() {
    return String.format(Locale.ROOT, "%s, exploration x%s", dims == 0 ? "no context" : dims + "-dim context",
        explorationScale == 1.0 ? "1 (plain Thompson)" : String.valueOf(explorationScale));
  }
}
