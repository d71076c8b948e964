package dev.atomic.exchange;

import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.budget.BudgetPacer;
import dev.atomic.estimate.Estimate;
import dev.atomic.estimate.Estimator;
import dev.atomic.task.Constraints;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One auction in progress: takes offers, turns each claim into the exchange's belief, applies the hard constraints,
 * scores, and closes with a {@link Decision}. Used by one thread; the {@link Exchange} makes one per microtask.
 */
final class Auction {

  /** What a candidate would do if it won. */
  sealed interface Offer permits Solo, Staged {}

  /** One bidder serves alone. */
  record Solo(Bidder bidder) implements Offer {}

  /** A cascade, with the bids its members made in this auction. */
  record Staged(Cascade cascade, List<List<Member>> stages) implements Offer {}

  /** A cascade member and its bid in this auction. */
  record Member(Bidder bidder, Bid bid) {}

  /** An eligible bid, scored. */
  record Candidate(
      String arm,
      Offer offer,
      double claimedQuality,
      double claimedCost,
      double claimedLatencyMs,
      String rationale,
      Estimate estimate,
      double drawn,
      double utility,
      double believedUtility,
      double challengeUtility) {

    ScoredBid scored() {
      return new ScoredBid(arm, claimedQuality, claimedCost, claimedLatencyMs, rationale, estimate.meanQuality(),
          drawn, estimate.expectedCostUsd(), estimate.expectedLatencyMs(), estimate.observations(), utility);
    }
  }

  /** The closed auction: its decision, the ranked candidates for escalation, and the winner's reservation. */
  record Closed(Decision decision, List<Candidate> ranked, BudgetPacer.Reservation reservation) {}

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::utility).reversed().thenComparing(Candidate::arm);

  private final Microtask task;
  private final Utility weights;
  private final Estimator estimator;
  private final String scope;
  private final BudgetPacer budgets;
  private final SplittableRandom random;
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<Exclusion> exclusions = new ArrayList<>();

  Auction(Microtask task, Utility weights, Estimator estimator, String scope, BudgetPacer budgets,
      SplittableRandom random) {
    this.task = task;
    this.weights = weights;
    this.estimator = estimator;
    this.scope = scope;
    this.budgets = budgets;
    this.random = random;
  }

  void exclude(Exclusion exclusion) {
    exclusions.add(exclusion);
  }

  void offer(Bidder bidder, Bid bid) {
    consider(bidder.id(), new Solo(bidder), bid.quality(), bid.costUsd(), bid.latency().toNanos() / 1e6,
        bid.rationale());
  }

  /**
   * Offers a cascade if every member bid. Its claim is derived from theirs: the best member's quality (the last stage
   * answers whatever the first could not), the first stage's cost and latency plus a prior share of the later stages'.
   */
  void offer(Cascade cascade, Map<String, Integer> index, Bid[] bids, Bidder[] bidders) {
    List<List<Member>> stages = new ArrayList<>(cascade.stages().size());
    double quality = 0;
    double cost = 0;
    double latency = 0;
    for (int s = 0; s < cascade.stages().size(); s++) {
      List<Member> members = new ArrayList<>();
      double stageCost = 0;
      double stageLatency = 0;
      for (String id : cascade.stages().get(s)) {
        Integer i = index.get(id);
        Bid bid = i == null || i >= bids.length ? null : bids[i];
        if (bid == null) {
          exclusions.add(new Exclusion(cascade.id(), Exclusion.Reason.INCOMPLETE,
              "its bidder '" + id + "' is not in this auction"));
          return;
        }
        members.add(new Member(bidders[i], bid));
        quality = Math.max(quality, bid.quality());
        stageCost += bid.costUsd();
        stageLatency = Math.max(stageLatency, bid.latency().toNanos() / 1e6);
      }
      double share = s == 0 ? 1 : Cascade.PRIOR_ESCALATION;
      cost += share * stageCost;
      latency += share * stageLatency;
      stages.add(List.copyOf(members));
    }
    consider(cascade.id(), new Staged(cascade, List.copyOf(stages)), quality, cost, latency,
        "cascade of " + cascade.stages());
  }

  private void consider(
      String arm, Offer offer, double quality, double cost, double latencyMs, String rationale) {
    Estimate e = estimator.estimate(scope, arm, task.kind(), quality, cost, latencyMs, task.features());
    Constraints limits = task.constraints();
    if (e.expectedCostUsd() > limits.maxCostUsd()) {
      exclusions.add(new Exclusion(arm, Exclusion.Reason.COST,
          fmt("expected cost %.6f USD is above the maximum %.6f USD", e.expectedCostUsd(), limits.maxCostUsd())));
      return;
    }
    if (limits.latencySlo() != null && e.expectedLatencyMs() > limits.latencySlo().toNanos() / 1e6) {
      exclusions.add(new Exclusion(arm, Exclusion.Reason.LATENCY,
          fmt("expected latency %.1f ms is above the SLO %s", e.expectedLatencyMs(), limits.latencySlo())));
      return;
    }
    if (e.meanQuality() < limits.minQuality()) {
      exclusions.add(new Exclusion(arm, Exclusion.Reason.QUALITY,
          fmt("believed quality %.3f is below the minimum %.3f", e.meanQuality(), limits.minQuality())));
      return;
    }
    // The exploration draw, taken in offer order so that a seed reproduces the auction.
    double drawn = e.sample(random, estimator.config().explorationScale());
    double utility = weights.score(drawn, e.expectedCostUsd(), e.expectedLatencyMs());
    double believed = weights.score(e.meanQuality(), e.expectedCostUsd(), e.expectedLatencyMs());
    // Top-two: a second, independent draw for the challenger, taken only when top-two is on, so that with it off the
    // draws (and so a seed's decisions) are exactly plain Thompson sampling's.
    double topTwo = estimator.config().topTwoProbability();
    double challenge = topTwo == 0 ? Double.NaN
        : weights.score(e.sample(random, estimator.config().explorationScale()), e.expectedCostUsd(),
            e.expectedLatencyMs());
    candidates.add(
        new Candidate(arm, offer, quality, cost, latencyMs, rationale, e, drawn, utility, believed, challenge));
  }

  Closed close(String decisionId, long nowMillis, long draw) {
    candidates.sort(BEST_FIRST);
    challenge();
    List<Candidate> ranked = new ArrayList<>(candidates.size());
    BudgetPacer.Reservation reservation = null;
    double available = budgets.available(task.tenant());
    for (Candidate c : candidates) {
      double cost = c.estimate().expectedCostUsd();
      if (!BudgetPacer.fits(cost, available)) {
        exclusions.add(new Exclusion(c.arm(), Exclusion.Reason.BUDGET,
            fmt("expected cost %.6f USD is above the %.6f USD the paced budget allows now", cost, available)));
        continue;
      }
      if (reservation == null) {
        reservation = budgets.reserve(task.tenant(), cost);
        if (reservation == null) { // another award took the room since `available` was read
          exclusions.add(new Exclusion(c.arm(), Exclusion.Reason.BUDGET,
              fmt("expected cost %.6f USD no longer fits the paced budget", cost)));
          continue;
        }
      }
      ranked.add(c);
    }
    List<ScoredBid> scored = new ArrayList<>(ranked.size());
    for (Candidate c : ranked) {
      scored.add(c.scored());
    }
    String winner = ranked.isEmpty() ? null : ranked.getFirst().arm();
    double margin = ranked.size() < 2 ? Double.NaN : ranked.get(0).utility() - ranked.get(1).utility();
    boolean explored = false;
    if (winner != null) {
      double winnerBelieved = ranked.getFirst().believedUtility();
      for (Candidate c : ranked) {
        explored |= c.believedUtility() > winnerBelieved;
      }
    }
    Decision decision = new Decision(decisionId, task.id(), task.kind(), task.tenant(), nowMillis,
        weights.costWeight(), weights.latencyWeight(), draw, scored, exclusions, winner, margin, explored);
    return new Closed(decision, List.copyOf(ranked), reservation);
  }

  /**
   * Top-two Thompson sampling: with probability {@link dev.atomic.estimate.EstimatorConfig#topTwoProbability()} the
   * best candidate of the second draw, among all but the first draw's leader (and, with
   * {@link dev.atomic.estimate.EstimatorConfig#cheaperChallengers()}, among those expected to cost less than it), moves
   * to the front and is offered the award first; the leader stays next, for the budget and for escalation. Off, it
   * takes no random number.
   */
  private void challenge() {
    double beta = estimator.config().topTwoProbability();
    if (beta == 0 || candidates.size() < 2 || random.nextDouble() >= beta) {
      return;
    }
    double leaderCost = candidates.getFirst().estimate().expectedCostUsd();
    boolean cheaperOnly = estimator.config().cheaperChallengers();
    int best = -1;
    for (int i = 1; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (cheaperOnly && !(c.estimate().expectedCostUsd() < leaderCost)) {
        continue;
      }
      Candidate b = best < 0 ? null : candidates.get(best);
      if (b == null || c.challengeUtility() > b.challengeUtility()
          || (c.challengeUtility() == b.challengeUtility() && c.arm().compareTo(b.arm()) < 0)) {
        best = i;
      }
    }
    if (best > 0) {
      candidates.addFirst(candidates.remove(best));
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
