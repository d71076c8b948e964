package dev.atomic.estimate;

import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link Estimator} has learned, as plain values: what the store persists so that a restarted exchange
 * decides exactly as it would have without the restart.
 *
 * @param arms one entry per (arm, kind) that has been estimated
 */
public record EstimatorSnapshot(List<Arm> arms) {

  public EstimatorSnapshot {
    arms = List.copyOf(arms);
  }

  /**
   * The learned state of one arm (a bidder or a strategy) on one microtask kind.
   *
   * @param arm the bidder or strategy id
   * @param kind the microtask kind
   * @param mean posterior mean of the quality model's weights: claim weight, bias, then one per feature
   * @param covariance posterior covariance, row-major
   * @param observations the summed weight of the outcomes learned from
   * @param cost how real costs compared with claimed ones
   * @param latency how real latencies compared with claimed ones
   * @param scope whose track record this is: a tenant, or a scope tenants share by opting in
   * @param stages for a cascade, its own record stage by stage ({@link CascadeBelief}); empty for any other arm
   */
  public record Arm(
      String arm,
      String kind,
      double[] mean,
      double[] covariance,
      double observations,
      Ratio cost,
      Ratio latency,
      String scope,
      List<Stage> stages) {

    public Arm {
      // Snapshots written before scopes existed belong to the default tenant.
      scope = scope == null ? Estimator.DEFAULT_SCOPE : scope;
      Objects.requireNonNull(arm, "arm");
      Objects.requireNonNull(kind, "kind");
      mean = mean.clone();
      covariance = covariance.clone();
      Objects.requireNonNull(cost, "cost");
      Objects.requireNonNull(latency, "latency");
      // Snapshots written before cascades kept a stage record have none.
      stages = stages == null ? List.of() : List.copyOf(stages);
    }
  }

  /** A cascade's record of one stage: see {@link CascadeBelief.Stage}. */
  public record Stage(double stops, double passes, double right, double wrong) {}

  /** Sums behind a {@link RatioEstimate}. */
  public record Ratio(double ratioSum, double ratioCount, double actualSum, double count) {}
}
