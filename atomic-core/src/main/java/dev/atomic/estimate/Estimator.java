package dev.atomic.estimate;

import dev.atomic.task.Features;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchange's track record of every arm (a bidder, or a strategy such as a cascade) on every microtask kind.
 *
 * <p>For each (arm, kind) it keeps a {@link QualityModel} that calibrates the arm's claimed quality against observed
 * outcomes (optionally in the context of the microtask's features), and two {@link RatioEstimate}s that correct its
 * claimed cost and latency. Bids are never taken at face value: {@link #estimate} turns a claim into the exchange's own
 * belief, and {@link #observeOutcome} / {@link #observeUsage} learn from what happened.
 *
 * <p>Thread-safe: each (arm, kind) state is guarded by its own lock, so different arms learn in parallel.
 */
public final class Estimator {

  /** The scope of the default tenant, and of every call that names no scope. */
  public static final String DEFAULT_SCOPE = dev.atomic.task.Microtask.DEFAULT_TENANT;

  private static final double[] NO_FEATURES = new double[0];

  private final EstimatorConfig config;
  /** scope, then kind, then arm: a tenant's track records never mix with another's unless they share a scope. */
  private final Map<String, Map<String, Map<String, ArmState>>> byScope = new ConcurrentHashMap<>();

  public Estimator(EstimatorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public EstimatorConfig config() {
    return config;
  }

  /** The exchange's belief about a claim made by {@code arm} for a microtask of {@code kind}. */
  public Estimate estimate(
      String arm, String kind, double claimedQuality, double claimedCostUsd, double claimedLatencyMs, Features features) {
    return estimate(DEFAULT_SCOPE, arm, kind, claimedQuality, claimedCostUsd, claimedLatencyMs, features);
  }

  /** The belief in one scope (a tenant, or tenants that share what they learn). */
  public Estimate estimate(String scope, String arm, String kind, double claimedQuality, double claimedCostUsd,
      double claimedLatencyMs, Features features) {
    ArmState state = state(scope, arm, kind);
    double[] x = vector(features);
    synchronized (state) {
      QualityModel model = state.model(x.length, config);
      double m = model.logitMean(claimedQuality, x);
      double v = model.logitVariance(claimedQuality, x);
      return new Estimate(
          m,
          v,
          QualityModel.meanProbability(m, v),
          state.cost.expected(claimedCostUsd),
          state.latency.expected(claimedLatencyMs),
          model.observations());
    }
  }

  /**
   * Learns from the quality of one result: 1 for accepted, 0 for rejected or failed, or a graded score in between.
   * {@code claimedQuality} and {@code features} must be those the arm was estimated with when it won.
   */
  public void observeOutcome(String arm, String kind, double claimedQuality, Features features, double quality) {
    observeOutcome(DEFAULT_SCOPE, arm, kind, claimedQuality, features, quality);
  }

  /** Learns from the quality of one result, in one scope. */
  public void observeOutcome(
      String scope, String arm, String kind, double claimedQuality, Features features, double quality) {
    if (!(quality >= 0 && quality <= 1)) {
      throw new IllegalArgumentException("an outcome's quality must be in [0, 1], was " + quality);
    }
    ArmState state = state(scope, arm, kind);
    double[] x = vector(features);
    synchronized (state) {
      state.model(x.length, config).update(claimedQuality, x, quality, 1.0);
    }
  }

  /** Learns how real cost and latency compare with the claims. */
  public void observeUsage(
      String arm, String kind, double claimedCostUsd, double actualCostUsd, double claimedLatencyMs, double actualLatencyMs) {
    observeUsage(DEFAULT_SCOPE, arm, kind, claimedCostUsd, actualCostUsd, claimedLatencyMs, actualLatencyMs);
  }

  /** Learns how real cost and latency compare with the claims, in one scope. */
  public void observeUsage(String scope, String arm, String kind, double claimedCostUsd, double actualCostUsd,
      double claimedLatencyMs, double actualLatencyMs) {
    ArmState state = state(scope, arm, kind);
    synchronized (state) {
      state.cost.observe(claimedCostUsd, actualCostUsd);
      state.latency.observe(claimedLatencyMs, actualLatencyMs);
    }
  }

  /**
   * The exchange's belief about a cascade composed from its members' beliefs and its own stage record (see
   * {@link CascadeBelief}); needs {@link EstimatorConfig#composesCascades()}.
   *
   * @param stages the cascade's stages, first to last: each member's belief, as its own bid in this auction is judged
   */
  public CascadeBelief cascadeBelief(String scope, String cascade, String kind,
      List<List<CascadeBelief.Member>> stages) {
    if (!config.composesCascades()) {
      throw new IllegalStateException("cascades are learned alone (cascadeMemberWeight 0); nothing to compose");
    }
    ArmState state = state(scope, cascade, kind);
    List<CascadeBelief.Stage> composed = new ArrayList<>(stages.size());
    synchronized (state) {
      StageRecord record = state.stages == null ? new StageRecord() : state.stages;
      for (int s = 0; s < stages.size(); s++) {
        composed.add(record.stage(s, stages.get(s)));
      }
    }
    return new CascadeBelief(composed, config.cascadeMemberWeight());
  }

  /**
   * Learns which stage of a cascade answered an award (1-based, of {@code stageCount}): known as soon as it is served,
   * whatever the feedback. Every earlier stage passed the award on.
   */
  public void observeCascadeStop(String scope, String cascade, String kind, int answered, int stageCount) {
    if (stageCount < 2 || answered < 1 || answered > stageCount) {
      throw new IllegalArgumentException("stage " + answered + " of " + stageCount + " cannot answer a cascade");
    }
    ArmState state = state(scope, cascade, kind);
    synchronized (state) {
      if (state.stages == null) {
        state.stages = new StageRecord();
      }
      state.stages.observeStop(answered, stageCount);
    }
  }

  /** Learns the quality of the answer a cascade's stage {@code answered} (1-based) returned. */
  public void observeCascadeOutcome(String scope, String cascade, String kind, int answered, double quality) {
    if (!(quality >= 0 && quality <= 1)) {
      throw new IllegalArgumentException("an outcome's quality must be in [0, 1], was " + quality);
    }
    if (answered < 1) {
      throw new IllegalArgumentException("stages are numbered from 1, was " + answered);
    }
    ArmState state = state(scope, cascade, kind);
    synchronized (state) {
      if (state.stages == null) {
        state.stages = new StageRecord();
      }
      state.stages.observeOutcome(answered, quality);
    }
  }

  /** A copy of everything learned, in a stable order. */
  public EstimatorSnapshot snapshot() {
    List<EstimatorSnapshot.Arm> arms = new ArrayList<>();
    byScope.forEach((scope, byKind) -> byKind.forEach((kind, states) -> states.forEach((arm, state) -> {
      synchronized (state) {
        QualityModel model = state.model;
        arms.add(new EstimatorSnapshot.Arm(
            arm,
            kind,
            model == null ? NO_FEATURES : model.meanCopy(),
            model == null ? NO_FEATURES : model.covarianceCopy(),
            model == null ? 0 : model.observations(),
            state.cost.state(),
            state.latency.state(),
            scope,
            state.stages == null ? List.of() : state.stages.state()));
      }
    })));
    arms.sort(Comparator.comparing(EstimatorSnapshot.Arm::scope).thenComparing(EstimatorSnapshot.Arm::kind)
        .thenComparing(EstimatorSnapshot.Arm::arm));
    return new EstimatorSnapshot(arms);
  }

  /** Replaces everything learned by the snapshot's state. */
  public void restore(EstimatorSnapshot snapshot) {
    Map<String, Map<String, Map<String, ArmState>>> restored = new ConcurrentHashMap<>();
    for (EstimatorSnapshot.Arm arm : snapshot.arms()) {
      ArmState state = new ArmState(config);
      if (arm.mean().length > 0) {
        state.model = QualityModel.restore(arm.mean(), arm.covariance(), arm.observations());
      }
      state.cost = RatioEstimate.restore(config.costPriorWeight(), arm.cost());
      state.latency = RatioEstimate.restore(config.costPriorWeight(), arm.latency());
      if (!arm.stages().isEmpty()) {
        state.stages = StageRecord.restore(arm.stages());
      }
      restored.computeIfAbsent(arm.scope(), k -> new ConcurrentHashMap<>())
          .computeIfAbsent(arm.kind(), k -> new ConcurrentHashMap<>()).put(arm.arm(), state);
    }
    byScope.clear();
    byScope.putAll(restored);
  }

  private ArmState state(String scope, String arm, String kind) {
    Map<String, Map<String, ArmState>> byKind = byScope.get(scope);
    if (byKind == null) {
      byKind = byScope.computeIfAbsent(scope, k -> new ConcurrentHashMap<>());
    }
    Map<String, ArmState> states = byKind.get(kind);
    if (states == null) {
      states = byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
    }
    ArmState state = states.get(arm);
    return state != null ? state : states.computeIfAbsent(arm, a -> new ArmState(config));
  }

  private double[] vector(Features features) {
    // Context is learned only when the prior lets feature weights move; otherwise it would cost O(d²) for nothing.
    if (features.isEmpty() || config.featureVariance() == 0) {
      return NO_FEATURES;
    }
    return features.toArray();
  }

  /** What is known of one arm on one kind. */
  private static final class ArmState {
    QualityModel model;
    /** A cascade's own record by stage; null for any other arm. */
    StageRecord stages;
    RatioEstimate cost;
    RatioEstimate latency;

    ArmState(EstimatorConfig config) {
      cost = new RatioEstimate(config.costPriorWeight());
      latency = new RatioEstimate(config.costPriorWeight());
    }

    QualityModel model(int featureDimension, EstimatorConfig config) {
      if (model == null) {
        model = new QualityModel(featureDimension, config);
      }
      return model;
    }
  }
}
