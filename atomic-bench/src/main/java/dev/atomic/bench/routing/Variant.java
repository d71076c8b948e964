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
 * a cheap pair, a second cheap pair before the strongest model, or a vote of three), and the prior variance of each
 * context feature's weight ({@link EstimatorConfig#featureVariance()}; the core's default unless a trial says otherwise),
 * and whether cascades are believed from their members' records ({@link EstimatorConfig#cascadeMemberWeight()}; 0 learns
 * each cascade alone).
 */
record Variant(int dims, double explorationScale, boolean teachDissenters, int skipCheapest, boolean reputation,
    double topTwo, boolean cheaperChallengers, CascadeFamily.Shape shape, double featureVariance,
    double cascadeMemberWeight) {

  /** The declared candidates; the benchmark picks one on the train split alone, then runs all on the whole stream. */
  static final List<Variant> CANDIDATES = List.of(
      new Variant(0, 0.4, true), new Variant(0, 0.3, true), new Variant(0, 0.4, true, 0, true),
      new Variant(0, 0.3, true, 0, true), new Variant(0, 0.4, true, 2, false),
      new Variant(0, 0.4, true, 0, false, 0.1, false, PAIRS), new Variant(0, 0.3, true, 0, false, 0.25, false, PAIRS),
      new Variant(0, 0.4, true, 0, false, 0.1, true, PAIRS), new Variant(0, 0.4, true, 0, false, 0, false, SECOND_PAIR),
      new Variant(0, 0.4, true, 0, false, 0, false, MAJORITY_OF_THREE),
      new Variant(0, 0.3, true).withCascadeMemberWeight(2));

  /**
   * Context trials, not run by default (each would add to the benchmark's five minutes): the chosen variant's settings
   * with the question's embedding as context, in more dimensions than the 16 and 4 tried before and with tighter priors
   * on the context weights. An offline, full-information router (fit on the train split with every outcome known) found
   * that the embedding predicts outcomes only weakly beyond the task kind (held-out Brier skill at most 0.03), and that
   * heavy shrinkage was what kept context from hurting; these trials ask whether the online exchange can use it at all.
   * {@code -Datomic.routing.candidates=context-trials} runs the first candidate against them.
   */
  static final List<Variant> CONTEXT_TRIALS = List.of(
      new Variant(32, 0.4, true, 0, false, 0, false, PAIRS, 0.1),
      new Variant(32, 0.4, true, 0, false, 0, false, PAIRS, 0.02),
      new Variant(64, 0.4, true, 0, false, 0, false, PAIRS, 0.02));

  /**
   * Composition trials, not run by default: the chosen variant's settings with every cascade believed from its members'
   * records ({@link dev.atomic.estimate.CascadeBelief}) instead of learned alone, so that what every award teaches
   * about a model (alone or in any cascade) reaches every cascade it is in. The weight is how many outcomes a stage's
   * best member's record is worth against the stage's own. {@code -Datomic.routing.candidates=composed-trials} runs the
   * first candidate against them. The third explores more widely (composed, a cascade's draw rests on components that
   * many awards teach, so exploring might cost less than among 21 arms learned alone); it lost clearly, so the last
   * three explore less: composed, an untried cascade is believed nearly as good as its best members, not at a flat
   * claim, so the auction keeps exploring near-ties among ten cascades per kind. The last two start the members from
   * their published reputation ({@link ModelReputation}) rather than a flat claim: composed, a cascade is believed only
   * as well as its members are known, and a flat 0.5 for a strong model never called makes every cascade ending in it
   * look poor.
   */
  static final List<Variant> COMPOSED_TRIALS = List.of(
      CANDIDATES.getFirst().withCascadeMemberWeight(2), CANDIDATES.getFirst().withCascadeMemberWeight(8),
      CANDIDATES.getFirst().withCascadeMemberWeight(2).withExplorationScale(0.7),
      CANDIDATES.getFirst().withCascadeMemberWeight(2).withExplorationScale(0.3),
      CANDIDATES.getFirst().withCascadeMemberWeight(2).withExplorationScale(0.2),
      CANDIDATES.getFirst().withCascadeMemberWeight(8).withExplorationScale(0.3),
      new Variant(0, 0.4, true, 0, true).withCascadeMemberWeight(2),
      new Variant(0, 0.3, true, 0, true).withCascadeMemberWeight(2));

  /**
   * The candidates a run compares: the declared ones, or with {@code context-trials} or {@code composed-trials} the
   * first against those trials.
   */
  static List<Variant> candidates(String which) {
    return switch (which) {
      case "declared" -> CANDIDATES;
      case "context-trials" -> java.util.stream.Stream.concat(java.util.stream.Stream.of(CANDIDATES.getFirst()),
          CONTEXT_TRIALS.stream()).toList();
      case "composed-trials" -> java.util.stream.Stream.concat(java.util.stream.Stream.of(CANDIDATES.getFirst()),
          COMPOSED_TRIALS.stream()).toList();
      default -> throw new IllegalArgumentException("atomic.routing.candidates must be 'declared', 'context-trials' "
          + "or 'composed-trials', was '" + which + "'");
    };
  }

  Variant {
    if (dims < 0 || dims > 384) {
      throw new IllegalArgumentException("context dimensions must be in [0, 384], was " + dims);
    }
    if (!(featureVariance >= 0) || Double.isInfinite(featureVariance)) {
      throw new IllegalArgumentException("feature variance must be a finite number >= 0, was " + featureVariance);
    }
    if (!(cascadeMemberWeight >= 0) || Double.isInfinite(cascadeMemberWeight)) {
      throw new IllegalArgumentException("cascade member weight must be a finite number >= 0, was "
          + cascadeMemberWeight);
    }
  }

  Variant(int dims, double explorationScale, boolean teachDissenters, int skipCheapest, boolean reputation,
      double topTwo, boolean cheaperChallengers, CascadeFamily.Shape shape, double featureVariance) {
    this(dims, explorationScale, teachDissenters, skipCheapest, reputation, topTwo, cheaperChallengers, shape,
        featureVariance, 0);
  }

  /** This variant exploring at another scale. */
  Variant withExplorationScale(double scale) {
    return new Variant(dims, scale, teachDissenters, skipCheapest, reputation, topTwo, cheaperChallengers, shape,
        featureVariance, cascadeMemberWeight);
  }

  /** This variant with its cascades believed from their members' records at the given weight (0: learned alone). */
  Variant withCascadeMemberWeight(double weight) {
    return new Variant(dims, explorationScale, teachDissenters, skipCheapest, reputation, topTwo, cheaperChallengers,
        shape, featureVariance, weight);
  }

  Variant(int dims, double explorationScale, boolean teachDissenters, int skipCheapest, boolean reputation,
      double topTwo, boolean cheaperChallengers, CascadeFamily.Shape shape) {
    this(dims, explorationScale, teachDissenters, skipCheapest, reputation, topTwo, cheaperChallengers, shape,
        EstimatorConfig.defaults().featureVariance());
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

  /** The core's default priors, with this variant's exploration, top-two and context-prior settings. */
  EstimatorConfig estimator() {
    return EstimatorConfig.defaults().withExplorationScale(explorationScale).withTopTwoProbability(topTwo)
        .withCheaperChallengers(cheaperChallengers).withFeatureVariance(featureVariance)
        .withCascadeMemberWeight(cascadeMemberWeight);
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
        }
        + (dims == 0 || featureVariance == EstimatorConfig.defaults().featureVariance() ? ""
            : ", context prior variance " + featureVariance)
        + (cascadeMemberWeight == 0 ? "" : ", cascades composed from members (weight " + cascadeMemberWeight + ")");
  }
}
