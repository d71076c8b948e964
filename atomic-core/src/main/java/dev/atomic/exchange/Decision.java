package dev.atomic.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The readable record of one auction: every bid with the exchange's belief and score, every exclusion with its reason,
 * the winner, its margin, and the exploration draw. Plain values only, so any JSON mapper can serialise it.
 *
 * @param id unique id of this decision
 * @param taskId the microtask auctioned
 * @param kind the microtask's kind
 * @param tenant the microtask's tenant
 * @param decidedAtEpochMs when the auction closed
 * @param costWeight the utility's weight on cost (quality per USD)
 * @param latencyWeight the utility's weight on latency (quality per second)
 * @param draw the seed of this auction's exploration draws; with the same state it reproduces the decision
 * @param ranked the eligible bids, best utility first; the winner is the first
 * @param exclusions every bidder or strategy that took no part, with why
 * @param winner the winning arm, or {@code null} when no bid was eligible
 * @param margin the winner's utility minus the runner-up's; NaN without a runner-up; negative when a top-two challenger
 *     won ({@link dev.atomic.estimate.EstimatorConfig#topTwoProbability()})
 * @param explored whether exploration changed the winner (the best bid on believed quality alone was another)
 */
public record Decision(
    String id,
    String taskId,
    String kind,
    String tenant,
    long decidedAtEpochMs,
    double costWeight,
    double latencyWeight,
    long draw,
    List<ScoredBid> ranked,
    List<Exclusion> exclusions,
    String winner,
    double margin,
    boolean explored) {

  public Decision {
    Objects.requireNonNull(id, "id");
    ranked = List.copyOf(ranked);
    exclusions = List.copyOf(exclusions);
  }

  public boolean awarded() {
    return winner != null;
  }

  /** The winning bid as scored, if any. */
  public Optional<ScoredBid> winningBid() {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.getFirst());
  }

  /** The scored bid of an arm, if it was eligible. */
  public Optional<ScoredBid> bidOf(String arm) {
    for (ScoredBid b : ranked) { // a loop: every served award's listeners ask, on the request's thread
      if (b.arm().equals(arm)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** A multi-line explanation for a person: who won, by how much, how each bid scored, and why each loser lost. */
  public String explain() {
    StringBuilder out = new StringBuilder();
    out.append("Decision ").append(id).append(" for ").append(kind)
        .append(" (task ").append(taskId).append(", tenant ").append(tenant).append(", ")
        .append(Instant.ofEpochMilli(decidedAtEpochMs)).append(")\n");
    if (winner == null) {
      out.append("No award: no bid was eligible.\n");
    } else {
      out.append("Awarded to ").append(winner);
      if (!Double.isNaN(margin)) {
        out.append(fmt(", margin %.4f over %s", margin, ranked.get(1).arm()));
      }
      out.append(explored
          ? " (exploration: its Thompson draw beat a bid with a higher believed quality)\n"
          : " (also the best on believed quality alone)\n");
    }
    out.append(fmt("utility = quality - %.4g x cost(USD) - %.4g x latency(s); draw seed %d%n",
        costWeight, latencyWeight, draw));
    if (!ranked.isEmpty()) {
      out.append(fmt("  %-3s %-24s %8s %8s %8s %12s %10s %6s %9s%n",
          "#", "bid", "claimed", "believed", "drawn", "exp. USD", "exp. ms", "seen", "utility"));
      for (int i = 0; i < ranked.size(); i++) {
        ScoredBid b = ranked.get(i);
        out.append(fmt("  %-3d %-24s %8.3f %8.3f %8.3f %12.6f %10.1f %6.0f %9.4f%n",
            i + 1, b.arm(), b.claimedQuality(), b.believedQuality(), b.drawnQuality(),
            b.expectedCostUsd(), b.expectedLatencyMs(), b.observations(), b.utility()));
      }
      for (int i = 1; i < ranked.size(); i++) {
        out.append("  ").append(ranked.get(i).arm()).append(" lost: ")
            .append(whyLost(ranked.getFirst(), ranked.get(i))).append('\n');
      }
    }
    // Abstentions are bidders for other kinds, mostly: one line for all of them keeps the reasons that matter visible.
    List<String> abstained = exclusions.stream().filter(e -> e.reason() == Exclusion.Reason.ABSTAINED)
        .map(Exclusion::arm).toList();
    if (abstained.size() < exclusions.size()) {
      out.append("Excluded:\n");
      for (Exclusion e : exclusions) {
        if (e.reason() != Exclusion.Reason.ABSTAINED) {
          out.append(fmt("  %-24s %-11s %s%n", e.arm(), e.reason(), e.detail()));
        }
      }
    }
    if (!abstained.isEmpty()) {
      out.append("Did not bid: ").append(String.join(", ", abstained)).append('\n');
    }
    return out.toString();
  }

  private String whyLost(ScoredBid winner, ScoredBid loser) {
    double qualityGap = winner.drawnQuality() - loser.drawnQuality();
    double costGap = costWeight * (loser.expectedCostUsd() - winner.expectedCostUsd());
    double latencyGap = latencyWeight * (loser.expectedLatencyMs() - winner.expectedLatencyMs()) / 1000.0;
    return fmt("utility %.4f below the winner (quality %+.4f, cost %+.4f, latency %+.4f)",
        winner.utility() - loser.utility(), qualityGap, costGap, latencyGap);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
