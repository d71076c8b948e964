package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Usage;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Serves a cascade: each stage's members are called together; the stage's answers are returned if the verifier accepts
 * them (or it is the last stage), otherwise the next stage is asked. A failing member escalates too.
 */
final class CascadeRun {

  private CascadeRun() {}

  static Served run(ExecutorService executor, Auction.Staged staged, Microtask task, long timeoutNanos) {
    long start = System.nanoTime();
    long deadline = start + timeoutNanos;
    List<Served.MemberUsage> usage = new ArrayList<>();
    List<Called> called = new ArrayList<>();
    double cost = 0;
    Usage used = Usage.UNKNOWN; // every member that answered, whichever stage: all of it was paid for
    double latency = 0;
    boolean costKnown = true;
    int stages = staged.stages().size();
    for (int s = 0; s < stages; s++) {
      List<Auction.Member> members = staged.stages().get(s);
      List<Future<Answer>> futures = new ArrayList<>(members.size());
      for (Auction.Member m : members) {
        futures.add(Calls.start(executor, m.bidder(), task));
      }
      List<Answer> answers = new ArrayList<>(members.size());
      double stageLatency = 0;
      String failure = null;
      for (int i = 0; i < members.size(); i++) {
        Auction.Member m = members.get(i);
        Calls.Result result = Calls.await(futures.get(i), start, deadline);
        double claimedMs = m.bid().latency().toNanos() / 1e6;
        stageLatency = Math.max(stageLatency, result.latencyMs());
        if (result instanceof Calls.Ok ok) {
          answers.add(ok.answer());
          called.add(new Called(m, ok.answer()));
          cost += ok.answer().costUsd();
          used = used.plus(ok.answer().usage());
          usage.add(new Served.MemberUsage(m.bidder().id(), m.bid().quality(), m.bid().costUsd(),
              ok.answer().costUsd(), claimedMs, ok.latencyMs(), false));
        } else {
          costKnown = false;
          failure = m.bidder().id() + (result instanceof Calls.Failed f ? " failed: " + f.why() : " timed out");
          usage.add(new Served.MemberUsage(m.bidder().id(), m.bid().quality(), m.bid().costUsd(),
              m.bid().costUsd(), claimedMs, result.latencyMs(), true));
        }
      }
      latency += stageLatency;
      boolean last = s == stages - 1;
      Verifier verifier = staged.cascade().verifier();
      boolean verified = failure == null && !last && verifier.accept(task, answers);
      if (failure == null && (last || verified)) {
        // A verified stage returns the answer its verifier names (a vote's majority); an unverified last stage its first.
        Answer first = answers.get(verified ? Objects.checkIndex(verifier.returned(task, answers), answers.size()) : 0);
        Answer total = new Answer(first.output(), cost, Duration.ofNanos((long) (latency * 1e6)), first.confidence(),
            used);
        String detail = "stage " + (s + 1) + " of " + stages + " answered";
        return new Served(total, null, false, latency, detail, contributions(staged, first, called, s + 1), usage,
            s + 1, used);
      }
      if (last) {
        Answer partial = costKnown
            ? new Answer(null, cost, Duration.ofNanos((long) (latency * 1e6)), Double.NaN, used)
            : null;
        return new Served(partial, "last stage: " + failure, false, latency, failure,
            List.of(new PendingAwards.Contribution(staged.cascade().id(), 0)), usage, s + 1, used);
      }
    }
    throw new IllegalStateException("a cascade has at least two stages");
  }

  /**
   * The cascade itself (with the stage that answered, for its stage record), and every member whose output equals the one returned: they share its outcome. When the
   * verifier declares a single correct answer, every other member that answered is a dissenter (see
   * {@link Verifier#singleCorrectAnswer()}).
   */
  private static List<PendingAwards.Contribution> contributions(Auction.Staged staged, Answer returned,
      List<Called> called, int answeredStage) {
    List<PendingAwards.Contribution> contributions = new ArrayList<>();
    double claim = 0;
    for (List<Auction.Member> stage : staged.stages()) {
      for (Auction.Member m : stage) {
        claim = Math.max(claim, m.bid().quality());
      }
    }
    contributions.add(new PendingAwards.Contribution(staged.cascade().id(), claim, false, answeredStage));
    for (Called c : called) {
      boolean agrees = Objects.equals(c.answer().output(), returned.output());
      if (agrees || staged.cascade().verifier().singleCorrectAnswer()) {
        contributions.add(new PendingAwards.Contribution(c.member().bidder().id(), c.member().bid().quality(),
            !agrees));
      }
    }
    return contributions;
  }

  private record Called(Auction.Member member, Answer answer) {}
}
