package dev.atomic.exchange;

import dev.atomic.budget.BudgetPacer;
import dev.atomic.task.Features;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Awards still waiting for feedback, bounded: when full, the oldest is dropped (its reservation stays committed, so the
 * budget errs on the safe side). The store keeps the durable copy; this is what the exchange needs to learn quickly.
 */
final class PendingAwards {

  /**
   * An arm whose estimate the feedback of an award will update, with the claim it was judged on.
   *
   * @param dissented the arm gave an output other than the one returned, for a microtask with a single correct answer:
   *     it learns a failure when the returned answer was fully right, and nothing otherwise
   * @param stage for a cascade's own contribution, the stage (from 1) whose answer was returned, which the feedback
   *     also teaches ({@link dev.atomic.estimate.Estimator#observeCascadeOutcome}); 0 for any other arm
   */
  record Contribution(String arm, double claimedQuality, boolean dissented, int stage) {

    Contribution(String arm, double claimedQuality) {
      this(arm, claimedQuality, false, 0);
    }

    Contribution(String arm, double claimedQuality, boolean dissented) {
      this(arm, claimedQuality, dissented, 0);
    }

    /** What this arm learns from the award's feedback, or empty when the feedback says nothing about it. */
    OptionalDouble learns(double feedbackQuality) {
      if (!dissented) {
        return OptionalDouble.of(feedbackQuality);
      }
      return feedbackQuality == 1 ? OptionalDouble.of(0) : OptionalDouble.empty();
    }
  }

  /** What an award needs to learn from its feedback; no reservation when restored after a restart. */
  record Pending(
      String scope,
      String kind,
      Features features,
      List<Contribution> contributions,
      String servedBy,
      double claimedCostUsd,
      double claimedLatencyMs,
      BudgetPacer.Reservation reservation,
      boolean usageKnown) {}

  private final int capacity;
  private final Map<String, Pending> byDecision = new ConcurrentHashMap<>();
  private final Queue<String> order = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  PendingAwards(int capacity) {
    this.capacity = capacity;
  }

  void put(String decisionId, Pending pending) {
    if (byDecision.put(decisionId, pending) == null) {
      order.add(decisionId);
      if (size.incrementAndGet() > capacity) {
        evictOldest();
      }
    }
  }

  /** Replaces the entry of a decision that is still pending. */
  void replace(String decisionId, Pending pending) {
    byDecision.replace(decisionId, pending);
  }

  /** Removes and returns the entry, or null when unknown, already used or evicted. */
  Pending take(String decisionId) {
    Pending pending = byDecision.remove(decisionId);
    if (pending != null) {
      size.decrementAndGet();
    }
    return pending;
  }

  int size() {
    return size.get();
  }

  /** The awards still pending, oldest first, without their budget reservations. */
  List<PendingAward> snapshot() {
    List<PendingAward> awards = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String id : order) {
      Pending p = byDecision.get(id);
      if (p != null && seen.add(id)) {
        awards.add(new PendingAward(id, p.scope(), p.kind(), p.features(), p.contributions().stream()
            .map(c -> new PendingAward.Contribution(c.arm(), c.claimedQuality(), c.dissented(), c.stage())).toList(),
            p.servedBy(), p.claimedCostUsd(), p.claimedLatencyMs(), p.usageKnown()));
      }
    }
    return awards;
  }

  /** Adds awards saved before a restart, oldest first; they hold no reservation. */
  void restore(List<PendingAward> awards) {
    for (PendingAward a : awards) {
      put(a.decisionId(), new Pending(a.scope(), a.kind(), a.features(), a.contributions().stream()
          .map(c -> new Contribution(c.arm(), c.claimedQuality(), c.dissented(), c.stage())).toList(), a.servedBy(),
          a.claimedCostUsd(), a.claimedLatencyMs(), null, a.usageKnown()));
    }
  }

  private void evictOldest() {
    String oldest;
    while ((oldest = order.poll()) != null) {
      if (byDecision.remove(oldest) != null) {
        size.decrementAndGet();
        return;
      }
    }
  }
}
