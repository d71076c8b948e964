package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.Usage;
import java.util.List;

/**
 * What serving one candidate produced: its answer or its failure, who contributed to the answer (whose estimates the
 * feedback will update), and each cascade member's usage.
 */
final class Served {

  /** What one cascade member was expected to cost and did cost. */
  record MemberUsage(
      String arm,
      double claimedQuality,
      double claimedCostUsd,
      double actualCostUsd,
      double claimedLatencyMs,
      double actualLatencyMs,
      boolean failed) {}

  private final Answer answer;
  private final String failure;
  private final boolean timedOut;
  private final double latencyMs;
  private final String detail;
  private final List<PendingAwards.Contribution> contributions;
  private final List<MemberUsage> members;
  private final int stageReached;
  private final Usage usage;
  private Object accepted;
  private List<String> repairs = List.of();

  /**
   * @param stageReached for a cascade, the last stage it asked (from 1): the one that answered, or the last stage that
   *     failed; 0 for a bidder serving alone
   * @param usage what every call that answered used together (a failed cascade's answered stages included)
   */
  Served(Answer answer, String failure, boolean timedOut, double latencyMs, String detail,
      List<PendingAwards.Contribution> contributions, List<MemberUsage> members, int stageReached, Usage usage) {
    this.answer = answer;
    this.failure = failure;
    this.timedOut = timedOut;
    this.latencyMs = latencyMs;
    this.detail = detail;
    this.contributions = contributions;
    this.members = members;
    this.stageReached = stageReached;
    this.usage = usage;
  }

  static Served solo(Bidder bidder, Auction.Candidate candidate, Calls.Result result) {
    List<PendingAwards.Contribution> self =
        List.of(new PendingAwards.Contribution(bidder.id(), candidate.claimedQuality()));
    return switch (result) {
      case Calls.Ok ok -> new Served(ok.answer(), null, false, ok.latencyMs(), "served", self, List.of(), 0,
          ok.answer().usage());
      case Calls.Failed f -> new Served(null, f.why(), false, f.latencyMs(), f.why(), self, List.of(), 0,
          Usage.UNKNOWN);
      case Calls.TimedOut t -> new Served(null, "no answer within the attempt timeout", true, t.latencyMs(),
          "timed out", self, List.of(), 0, Usage.UNKNOWN);
    };
  }

  Answer answer() {
    return answer;
  }

  String failure() {
    return failure;
  }

  boolean timedOut() {
    return timedOut;
  }

  boolean costKnown() {
    return answer != null;
  }

  double latencyMs() {
    return latencyMs;
  }

  String detail() {
    return detail;
  }

  List<PendingAwards.Contribution> contributions() {
    return contributions;
  }

  List<MemberUsage> members() {
    return members;
  }

  int stageReached() {
    return stageReached;
  }

  Usage usage() {
    return usage;
  }

  void accept(Object value, List<String> applied) {
    this.accepted = value;
    this.repairs = applied;
  }

  Object accepted() {
    return accepted;
  }

  List<String> repairs() {
    return repairs;
  }
}
