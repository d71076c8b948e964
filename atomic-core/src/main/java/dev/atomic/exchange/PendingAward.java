package dev.atomic.exchange;

import dev.atomic.task.Features;
import java.util.List;
import java.util.Objects;

/**
 * An award still waiting for its feedback, as a store keeps it across a restart: what the exchange needs to learn from
 * the feedback when it comes, whichever process receives it.
 *
 * <p>A budget reservation is not part of it: a restarted exchange paces budgets from zero, so an award made before the
 * restart and given its real cost after it teaches the estimates but settles no reservation.
 *
 * @param decisionId the decision the feedback will name
 * @param scope the learning scope the award was decided in
 * @param kind the microtask kind
 * @param features the microtask's context features
 * @param contributions every arm the feedback teaches, with the claim it was judged on
 * @param servedBy the arm whose answer was returned
 * @param claimedCostUsd the cost it claimed, against which a real cost in the feedback is learned
 * @param claimedLatencyMs the latency it claimed
 * @param usageKnown whether the real cost and latency were known when served (then feedback teaches quality only)
 */
public record PendingAward(String decisionId, String scope, String kind, Features features,
    List<Contribution> contributions, String servedBy, double claimedCostUsd, double claimedLatencyMs,
    boolean usageKnown) {

  /**
   * An arm the feedback teaches.
   *
   * @param dissented the arm gave another output than the one returned, for a microtask with a single correct answer
   * @param stage for a cascade's own contribution, the stage (from 1) whose answer was returned; 0 for any other arm
   *     (and in awards saved before cascades kept a stage record)
   */
  public record Contribution(String arm, double claimedQuality, boolean dissented, int stage) {

    /** A contribution of an arm that is not a cascade's stage. */
    public Contribution(String arm, double claimedQuality, boolean dissented) {
      this(arm, claimedQuality, dissented, 0);
    }

    public Contribution {
      Objects.requireNonNull(arm, "arm");
      if (stage < 0) {
        throw new IllegalArgumentException("the stage of " + arm + "'s contribution must be >= 0, was " + stage);
      }
      if (!(claimedQuality >= 0 && claimedQuality <= 1)) {
        throw new IllegalArgumentException("claimed quality of " + arm + " must be in [0, 1], was " + claimedQuality);
      }
    }
  }

  public PendingAward {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(servedBy, "servedBy");
    contributions = List.copyOf(contributions);
    if (contributions.isEmpty()) {
      throw new IllegalArgumentException("pending award " + decisionId + " teaches no arm");
    }
    if (!(claimedCostUsd >= 0) || Double.isInfinite(claimedCostUsd)) {
      throw new IllegalArgumentException("claimed cost of pending award " + decisionId + " must be finite and >= 0, was "
          + claimedCostUsd);
    }
    if (!(claimedLatencyMs >= 0) || Double.isInfinite(claimedLatencyMs)) {
      throw new IllegalArgumentException("claimed latency of pending award " + decisionId
          + " must be finite and >= 0, was " + claimedLatencyMs);
    }
  }
}
