package dev.atomic.server.api;

import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exclusion;
import dev.atomic.exchange.ScoredBid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A decision as the API shows it: every bid with its adjusted score, and for each loser how far it fell behind and
 * on what (quality, cost or latency), plus the exchange's own multi-line explanation. The draw seed is a string, since
 * JavaScript numbers lose precision beyond 2^53. {@code outcome} is what came of the award where the ledger was read for
 * it ({@code GET /v1/decisions/{id}}), and null otherwise.
 */
record DecisionView(
    String id,
    String taskId,
    String kind,
    String tenant,
    Instant decidedAt,
    String winner,
    double margin,
    boolean explored,
    double costWeight,
    double latencyWeight,
    String draw,
    List<BidView> bids,
    List<ExclusionView> exclusions,
    String explanation,
    OutcomeView outcome) implements ShownDecision {

  record BidView(
      int rank,
      String arm,
      double claimedQuality,
      double claimedCostUsd,
      double claimedLatencyMs,
      String rationale,
      double believedQuality,
      double drawnQuality,
      double expectedCostUsd,
      double expectedLatencyMs,
      double observations,
      double utility,
      boolean won,
      LossView loss) {}

  /** Why a bid lost: the utility gap, split into the parts that quality, cost and latency contributed. */
  record LossView(double utilityGap, double qualityGap, double costPenalty, double latencyPenalty, String reason) {}

  record ExclusionView(String arm, String reason, String detail) {}

  static DecisionView of(Decision d) {
    List<BidView> bids = new ArrayList<>();
    for (int i = 0; i < d.ranked().size(); i++) {
      ScoredBid b = d.ranked().get(i);
      LossView loss = i == 0 ? null : loss(d, d.ranked().getFirst(), b);
      bids.add(new BidView(i + 1, b.arm(), b.claimedQuality(), b.claimedCostUsd(), b.claimedLatencyMs(), b.rationale(),
          b.believedQuality(), b.drawnQuality(), b.expectedCostUsd(), b.expectedLatencyMs(), b.observations(),
          b.utility(), i == 0 && d.awarded(), loss));
    }
    List<ExclusionView> exclusions = d.exclusions().stream()
        .map((Exclusion e) -> new ExclusionView(e.arm(), e.reason().name(), e.detail())).toList();
    return new DecisionView(d.id(), d.taskId(), d.kind(), d.tenant(), Instant.ofEpochMilli(d.decidedAtEpochMs()),
        d.winner(), d.margin(), d.explored(), d.costWeight(), d.latencyWeight(), Long.toString(d.draw()), bids,
        exclusions, d.explain(), null);
  }

  /** This view with what came of the award. */
  DecisionView withOutcome(OutcomeView shown) {
    return new DecisionView(id, taskId, kind, tenant, decidedAt, winner, margin, explored, costWeight, latencyWeight,
        draw, bids, exclusions, explanation, shown);
  }

  private static LossView loss(Decision d, ScoredBid winner, ScoredBid loser) {
    double quality = winner.drawnQuality() - loser.drawnQuality();
    double cost = d.costWeight() * (loser.expectedCostUsd() - winner.expectedCostUsd());
    double latency = d.latencyWeight() * (loser.expectedLatencyMs() - winner.expectedLatencyMs()) / 1000.0;
    String main;
    if (quality >= cost && quality >= latency) {
      main = "lower quality";
    } else if (cost >= latency) {
      main = "higher cost";
    } else {
      main = "slower";
    }
    String reason = String.format(Locale.ROOT,
        "%s: utility %.4f below the winner (quality %+.4f, cost %+.4f, latency %+.4f)",
        main, winner.utility() - loser.utility(), quality, cost, latency);
    return new LossView(winner.utility() - loser.utility(), quality, cost, latency, reason);
  }
}
