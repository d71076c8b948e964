package dev.atomic.exchange;

import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.budget.BudgetPacer;
import dev.atomic.estimate.CascadeBelief;
import dev.atomic.estimate.Estimate;
import dev.atomic.estimate.Estimator;
import dev.atomic.task.Constraints;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

  /**
   * What the exchange believes of an offer: an arm's own estimate, or a cascade's belief composed from its members'
   * ({@link CascadeBelief}).
   */
  record Belief(double meanQuality, double expectedCostUsd, double expectedLatencyMs, double observations) {

    static Belief of(Estimate e) {
      return new Belief(e.meanQuality(), e.expectedCostUsd(), e.expectedLatencyMs(), e.observations());
    }

    static Belief of(CascadeBelief b) {
      return new Belief(b.meanQuality(), b.expectedCostUsd(), b.expectedLatencyMs(), b.observations());
    }
  }

  /** An eligible bid, scored. */
  record Candidate(
      String arm,
      Offer offer,
      double claimedQuality,
      double claimedCost,
      double claimedLatencyMs,
      String rationale,
      Belief belief,
      double drawn,
      double utility,
      double believedUtility,
      double challengeUtility) {

    double expectedCostUsd() {
      return belief.expectedCostUsd();
    }

    ScoredBid scored() {
      return new ScoredBid(arm, claimedQuality, claimedCost, claimedLatencyMs, rationale, belief.meanQuality(),
          drawn, belief.expectedCostUsd(), belief.expectedLatencyMs(), belief.observations(), utility);
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
  /** Each bidder's estimate in this auction, so a cascade judges its members as their own bids are judged. */
  private final Map<String, Estimate> estimates = new HashMap<>();
  /**
   * Each bidder's exploration draw in this auction (and, under top-two, its second draw): one joint sample of
   * everything believed, shared by the bidder's own bid and every composed cascade it is a member of.
   */
  private final Map<String, Double> draws = new HashMap<>();
  private final Map<String, Double> challengeDraws = new HashMap<>();

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
    double latencyMs = bid.latency().toNanos() / 1e6;
    Estimate e = estimator.estimate(scope, bidder.id(), task.kind(), bid.quality(), bid.costUsd(), latencyMs,
        task.features());
    // Only composed cascades look a bidder's estimate and draws up again; without them, nothing needs remembering.
    boolean composes = estimator.config().composesCascades();
    if (composes) {
      estimates.put(bidder.id(), e);
    }
    Belief belief = Belief.of(e);
    if (!admissible(bidder.id(), belief)) {
      return;
    }
    // The exploration draw, taken in offer order so that a seed reproduces the auction.
    double drawn = composes ? draw(bidder.id(), e, draws) : e.sample(random, estimator.config().explorationScale());
    // Top-two: a second, independent draw for the challenger, taken only when top-two is on, so that with it off the
    // draws (and so a seed's decisions) are exactly plain Thompson sampling's.
    double challenge = !topTwo() ? Double.NaN
        : composes ? draw(bidder.id(), e, challengeDraws) : e.sample(random, estimator.config().explorationScale());
    add(bidder.id(), new Solo(bidder), bid.quality(), bid.costUsd(), latencyMs, bid.rationale(), belief,
        drawn, e.expectedCostUsd(), e.expectedLatencyMs(), challenge, e.expectedCostUsd(), e.expectedLatencyMs());
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
    Staged offer = new Staged(cascade, List.copyOf(stages));
    String rationale = "cascade of " + cascade.stages();
    if (estimator.config().composesCascades()) {
      offerComposed(offer, quality, cost, latency, rationale + ", believed from its members' records");
      return;
    }
    Estimate e = estimator.estimate(scope, cascade.id(), task.kind(), quality, cost, latency, task.features());
    if (!admissible(cascade.id(), Belief.of(e))) {
      return;
    }
    double drawn = e.sample(random, estimator.config().explorationScale());
    double challenge = topTwo() ? e.sample(random, estimator.config().explorationScale()) : Double.NaN;
    add(cascade.id(), offer, quality, cost, latency, rationale, Belief.of(e), drawn, e.expectedCostUsd(),
        e.expectedLatencyMs(), challenge, e.expectedCostUsd(), e.expectedLatencyMs());
  }

  /**
   * Offers a cascade believed from its members' records and its own stage record ({@link CascadeBelief}). Its draw is
   * composed from its members' draws in this auction (the very draws their own bids were scored with) and draws of
   * its own stage record; the drawn stopping probabilities set the cost and latency the draw is scored with.
   */
  private void offerComposed(Staged offer, double quality, double cost, double latency, String rationale) {
    List<List<CascadeBelief.Member>> members = new ArrayList<>(offer.stages().size());
    for (List<Member> stage : offer.stages()) {
      List<CascadeBelief.Member> believed = new ArrayList<>(stage.size());
      for (Member m : stage) {
        believed.add(new CascadeBelief.Member(m.bidder().id(), estimates.computeIfAbsent(m.bidder().id(),
            id -> estimator.estimate(scope, id, task.kind(), m.bid().quality(), m.bid().costUsd(),
                m.bid().latency().toNanos() / 1e6, task.features()))));
      }
      members.add(believed);
    }
    String arm = offer.cascade().id();
    CascadeBelief b = estimator.cascadeBelief(scope, arm, task.kind(), members);
    Belief belief = Belief.of(b);
    if (!admissible(arm, belief)) {
      return;
    }
    double scale = estimator.config().explorationScale();
    CascadeBelief.Draw drawn = b.sample(random, scale, m -> draw(m.arm(), m.estimate(), draws));
    CascadeBelief.Draw challenge = topTwo()
        ? b.sample(random, scale, m -> draw(m.arm(), m.estimate(), challengeDraws)) : null;
    add(arm, offer, quality, cost, latency, rationale, belief, drawn.quality(), drawn.costUsd(), drawn.latencyMs(),
        challenge == null ? Double.NaN : challenge.quality(), challenge == null ? 0 : challenge.costUsd(),
        challenge == null ? 0 : challenge.latencyMs());
  }

  /** A bidder's draw in this auction: drawn once, on first use, and shared by its bid and every cascade it is in. */
  private double draw(String arm, Estimate e, Map<String, Double> drawn) {
    Double known = drawn.get(arm);
    if (known != null) {
      return known;
    }
    double d = e.sample(random, estimator.config().explorationScale());
    drawn.put(arm, d);
    return d;
  }

  private boolean topTwo() {
    return estimator.config().topTwoProbability() != 0;
  }

  /** Whether the belief meets the microtask's hard constraints; if not, the exclusion says why. */
  private boolean admissible(String arm, Belief e) {
    Constraints limits = task.constraints();
    if (e.expectedCostUsd() > limits.maxCostUsd()) {
      exclusions.add(new Exclusion(arm, Exclusion.Reason.COST,
          fmt("expected cost %.6f USD is above the maximum %.6f USD", e.expectedCostUsd(), limits.maxCostUsd())));
      return false;
    }
    if (limits.latencySlo() != null && e.expectedLatencyMs() > limits.latencySlo().toNanos() / 1e6) {
      exclusions.add(new Exclusion(arm, Exclusion.Reason.LATENCY,
          fmt("expected latency %.1f ms is above the SLO %s", e.expectedLatencyMs(), limits.latencySlo())));
      return false;
    }
    if (e.meanQuality() < limits.minQuality()) {
      exclusions.add(new Exclusion(arm, Exclusion.Reason.QUALITY,
          fmt("believed quality %.3f is below the minimum %.3f", e.meanQuality(), limits.minQuality())));
      return false;
    }
    return true;
  }

  /** Scores an admissible offer: the drawn quality with its cost and latency, and the challenger's draw (NaN: none). */
  private void add(String arm, Offer offer, double quality, double cost, double latencyMs, String rationale,
      Belief belief, double drawn, double drawnCost, double drawnLatency, double challengeDrawn,
      double challengeCost, double challengeLatency) {
    double utility = weights.score(drawn, drawnCost, drawnLatency);
    double believed = weights.score(belief.meanQuality(), belief.expectedCostUsd(), belief.expectedLatencyMs());
    double challenge = Double.isNaN(challengeDrawn) ? Double.NaN
        : weights.score(challengeDrawn, challengeCost, challengeLatency);
    candidates.add(new Candidate(arm, offer, quality, cost, latencyMs, rationale, belief, drawn, utility, believed,
        challenge));
  }

  Closed close(String decisionId, long nowMillis, long draw) {
    candidates.sort(BEST_FIRST);
    challenge();
    List<Candidate> ranked = new ArrayList<>(candidates.size());
    BudgetPacer.Reservation reservation = null;
    double available = budgets.available(task.tenant());
    for (Candidate c : candidates) {
      double cost = c.expectedCostUsd();
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
    double leaderCost = candidates.getFirst().expectedCostUsd();
    boolean cheaperOnly = estimator.config().cheaperChallengers();
    int best = -1;
    for (int i = 1; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (cheaperOnly && !(c.expectedCostUsd() < leaderCost)) {
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
