package dev.atomic.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.task.Features;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingAwardTest {

  private static Microtask task(String id) {
    return Microtask.builder("email.spam").id(id).input("hello").features(Features.of(0.3, -1.2)).build();
  }

  private static Exchange.Builder exchange() {
    return Exchange.builder().seed(3)
        .bidder(new TestBidder("cheap", 0.8, 0.0001, 5, 0.7).seeded(1))
        .bidder(new TestBidder("premium", 0.95, 0.01, 5, 0.95).seeded(2));
  }

  @Test
  void feedbackAfterARestart_teachesAsIfThereHadBeenNone() {
    try (Exchange steady = exchange().build(); Exchange before = exchange().build()) {
      // Decision ids are random per exchange: each side gets feedback on its own decisions, in the same order.
      List<String> steadyDecisions = new ArrayList<>();
      List<String> decisions = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Execution a = steady.execute(task("t" + i));
        Execution b = before.execute(task("t" + i));
        assertThat(b.decision().winner()).isEqualTo(a.decision().winner());
        steadyDecisions.add(a.decision().id());
        decisions.add(b.decision().id());
      }
      List<PendingAward> saved = before.pendingAwards();
      assertThat(saved).extracting(PendingAward::decisionId).containsExactlyElementsOf(decisions);
      try (Exchange after = exchange().auctionsHeld(before.auctionsHeld()).build()) {
        after.restore(before.snapshot());
        after.restorePending(saved);
        for (int i = 0; i < decisions.size(); i++) {
          Feedback f = i % 3 == 0 ? Feedback.rejected() : Feedback.accepted().withActualCost(0.002, 9);
          steady.feedback(steadyDecisions.get(i), f);
          after.feedback(decisions.get(i), f);
        }
        assertThat(after.snapshot()).usingRecursiveComparison().isEqualTo(steady.snapshot());
        assertThat(after.pendingFeedback()).isZero();
        assertThat(after.award(task("probe")).winner()).isEqualTo(steady.award(task("probe")).winner());
      }
    }
  }

  @Test
  void pendingAwards_leaveOutThoseGivenFeedback_andRestoreOnlyOnce() {
    try (Exchange ex = exchange().build()) {
      Execution first = ex.execute(task("a"));
      Execution second = ex.execute(task("b"));
      ex.feedback(first.decision().id(), Feedback.accepted());
      List<PendingAward> saved = ex.pendingAwards();
      assertThat(saved).extracting(PendingAward::decisionId).containsExactly(second.decision().id());
      assertThat(saved.getFirst().features()).isEqualTo(Features.of(0.3, -1.2));
      try (Exchange restarted = exchange().build()) {
        restarted.restorePending(saved);
        restarted.feedback(second.decision().id(), Feedback.accepted());
        assertThatThrownBy(() -> restarted.feedback(second.decision().id(), Feedback.accepted()))
            .hasMessageContaining("already has feedback");
      }
    }
  }

  @Test
  void aPendingAward_withoutArmsOrWithAnImpossibleClaim_isRejected() {
    assertThatThrownBy(() -> new PendingAward("d", "", "k", Features.none(), List.of(), "a", 0, 0, false))
        .hasMessageContaining("teaches no arm");
    assertThatThrownBy(() -> new PendingAward.Contribution("a", 1.5, false)).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> new PendingAward("d", "", "k", Features.none(),
        List.of(new PendingAward.Contribution("a", 0.5, false)), "a", Double.NaN, 0, false))
        .hasMessageContaining("claimed cost");
  }
}
