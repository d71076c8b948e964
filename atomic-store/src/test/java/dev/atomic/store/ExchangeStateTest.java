package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.estimate.EstimatorSnapshot;
import dev.atomic.exchange.Cascade;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.Utility;
import dev.atomic.exchange.Verifier;
import dev.atomic.task.Features;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExchangeStateTest extends StoreFixture {

  private static final long SEED = 20_261_126L;
  private static final Map<String, Double> TRUE_QUALITY = Map.of("small", 0.62, "medium", 0.8, "large", 0.95);

  /** The service's exchange, configured the same way before and after the restart. */
  private static Exchange.Builder configured() {
    return Exchange.builder()
        .seed(SEED)
        .utility(Utility.of(5, 0.1))
        .bidder(new ScriptedBidder("small", 0.9, 0.0005, 200, TRUE_QUALITY.get("small")))
        .bidder(new ScriptedBidder("medium", 0.85, 0.003, 500, TRUE_QUALITY.get("medium")))
        .bidder(new ScriptedBidder("large", 0.8, 0.02, 1500, TRUE_QUALITY.get("large")));
  }

  @Test
  void restoreInto_afterRestart_decidesAndLearnsExactlyAsWithoutOne() {
    LedgerRecorder recorder = LedgerRecorder.of(store);
    try (Exchange original = configured().listener(recorder).build()) {
      List<Decision> before = rounds(original, 0, 80);
      store.saveState("main", ExchangeState.of(original));
      store.close(); // the service stops; `original` goes on as the service that never stopped
      long unrecorded = recorder.failures();

      store = database.open();
      ExchangeState state = store.loadState("main").orElseThrow();
      try (Exchange restored = state.restoreInto(configured())) {
        assertThat(restored.snapshot()).usingRecursiveComparison().isEqualTo(original.snapshot());
        assertThat(restored.auctionsHeld()).isEqualTo(80);

        List<Decision> afterOriginal = rounds(original, 80, 140);
        List<Decision> afterRestored = rounds(restored, 80, 140);

        assertThat(afterRestored).map(ExchangeStateTest::withoutIdAndTime)
            .isEqualTo(afterOriginal.stream().map(ExchangeStateTest::withoutIdAndTime).toList());
        assertThat(restored.snapshot()).usingRecursiveComparison().isEqualTo(original.snapshot());
        // Learning went on in both: the comparison is not between two idle exchanges.
        assertThat(afterOriginal).extracting(Decision::winner).contains("small", "medium");
      }
      assertThat(unrecorded).isZero();
      for (Decision decision : before) {
        assertThat(store.ledger().decision(decision.id())).contains(decision);
      }
    }
  }

  @Test
  void restore_withoutTheAuctionCount_drawsDifferently() {
    try (Exchange original = configured().build()) {
      rounds(original, 0, 30);
      store.saveState("main", ExchangeState.of(original));
      ExchangeState state = store.loadState("main").orElseThrow();
      try (Exchange forgetful = configured().build()) {
        forgetful.restore(state.snapshot());

        Decision expected = rounds(original, 30, 31).getFirst();
        Decision actual = rounds(forgetful, 30, 31).getFirst();

        // The control for the test above: the estimates alone do not reproduce the exploration draws.
        assertThat(actual.draw()).isNotEqualTo(expected.draw());
      }
    }
  }

  @Test
  void loadState_neverSaved_isEmpty() {
    assertThat(store.loadState("nothing-here")).isEmpty();
  }

  @Test
  void saveState_replacesThePreviousState() {
    try (Exchange exchange = configured().build()) {
      rounds(exchange, 0, 10);
      store.saveState("main", ExchangeState.of(exchange));
      ExchangeState empty = new ExchangeState(new EstimatorSnapshot(List.of()), 3);

      store.saveState("main", empty);

      ExchangeState loaded = store.loadState("main").orElseThrow();
      assertThat(loaded.snapshot().arms()).isEmpty();
      assertThat(loaded.auctionsHeld()).isEqualTo(3);
    }
  }

  @Test
  void feedbackAfterRestart_onAwardsMadeBefore_teachesAsWithoutOne() {
    try (Exchange original = configured().build()) {
      rounds(original, 0, 20);
      // Awarded and served, but judged only after the restart.
      List<Execution> unjudged = new ArrayList<>();
      for (int i = 20; i < 30; i++) {
        unjudged.add(original.execute(Microtask.builder("email.spam").id("task-" + i).input("message " + i)
            .features(Features.of(0.1 * (i - 20), 0.5)).build()));
      }
      store.saveState("main", ExchangeState.of(original));
      store.close();

      store = database.open();
      ExchangeState state = store.loadState("main").orElseThrow();
      assertThat(state.pending()).hasSize(10);
      try (Exchange restored = state.restoreInto(configured())) {
        for (int i = 0; i < unjudged.size(); i++) {
          Feedback feedback = i % 2 == 0 ? Feedback.accepted() : Feedback.rejected();
          String decision = unjudged.get(i).decision().id();
          original.feedback(decision, feedback);
          restored.feedback(decision, feedback);
        }
        assertThat(restored.snapshot()).usingRecursiveComparison().isEqualTo(original.snapshot());
        assertThat(restored.pendingFeedback()).isZero();
      }
    }
  }

  @Test
  void saveState_replacesThePendingAwards() {
    try (Exchange exchange = configured().build()) {
      exchange.execute(Microtask.builder("email.spam").id("a").input("a").build());
      store.saveState("main", ExchangeState.of(exchange));
      store.saveState("main", new ExchangeState(new EstimatorSnapshot(List.of()), 1));
      assertThat(store.loadState("main").orElseThrow().pending()).isEmpty();
    }
  }

  @Test
  void saveState_afterFeedbackAndNewAwards_keepsExactlyThoseStillPending_inOrder() {
    try (Exchange exchange = configured().build()) {
      Execution a = exchange.execute(Microtask.builder("email.spam").id("a").input("a").build());
      Execution b = exchange.execute(Microtask.builder("email.spam").id("b").input("b").build());
      store.saveState("main", ExchangeState.of(exchange));
      exchange.feedback(a.decision().id(), Feedback.accepted());
      Execution c = exchange.execute(Microtask.builder("email.spam").id("c").input("c").build());
      store.saveState("main", ExchangeState.of(exchange));
      exchange.feedback(c.decision().id(), Feedback.rejected());
      Execution d = exchange.execute(Microtask.builder("email.spam").id("d").input("d").build());
      store.saveState("main", ExchangeState.of(exchange));

      assertThat(store.loadState("main").orElseThrow().pending()).extracting(p -> p.decisionId())
          .containsExactly(b.decision().id(), d.decision().id());
    }
  }

  @Test
  void saveState_keepsExchangesApart() {
    try (Exchange busy = configured().build()) {
      rounds(busy, 0, 10);
      store.saveState("busy", ExchangeState.of(busy));
      store.saveState("idle", new ExchangeState(new EstimatorSnapshot(List.of()), 0));

      assertThat(store.loadState("busy").orElseThrow().snapshot())
          .usingRecursiveComparison().isEqualTo(busy.snapshot());
      assertThat(store.loadState("idle").orElseThrow().snapshot().arms()).isEmpty();
    }
  }

  @Test
  void composedCascade_stageRecordAndTheStageOfAPendingAward_surviveARestart() {
    EstimatorConfig composed = EstimatorConfig.defaults().withCascadeMemberWeight(2).withExplorationScale(0);
    Cascade cascade = Cascade.of("cascade", Verifier.agreement(), List.of(List.of("small", "medium"), List.of("large")));
    try (Exchange original = configured().utility(Utility.of(5, 0)).estimator(composed).cascade(cascade).build()) {
      // The cascade's own record says its first stage nearly always answers, and rightly: without exploration it wins
      // every award (where, these members never agreeing, it escalates).
      for (int i = 0; i < 50; i++) {
        original.estimator().observeCascadeStop(Microtask.DEFAULT_TENANT, "cascade", "email.spam", 1, 2);
        original.estimator().observeCascadeOutcome(Microtask.DEFAULT_TENANT, "cascade", "email.spam", 1, 1);
      }
      Execution judged = original.execute(Microtask.builder("email.spam").id("a").input("a").build());
      original.feedback(judged.decision().id(), Feedback.rejected());
      Execution unjudged = original.execute(Microtask.builder("email.spam").id("b").input("b").build());
      assertThat(unjudged.servedBy()).isEqualTo("cascade");
      store.saveState("main", ExchangeState.of(original));
      store.close();

      store = database.open();
      ExchangeState state = store.loadState("main").orElseThrow();
      assertThat(state.pending().getFirst().contributions().getFirst().stage()).isEqualTo(2);
      try (Exchange restored = state.restoreInto(configured().utility(Utility.of(5, 0)).estimator(composed)
          .cascade(cascade))) {
        assertThat(restored.snapshot()).usingRecursiveComparison().isEqualTo(original.snapshot());
        assertThat(restored.snapshot().arms()).filteredOn(a -> a.arm().equals("cascade")).singleElement()
            .extracting(a -> a.stages().get(1).wrong()).isEqualTo(1.0);
        original.feedback(unjudged.decision().id(), Feedback.accepted());
        restored.feedback(unjudged.decision().id(), Feedback.accepted());
        assertThat(restored.snapshot()).usingRecursiveComparison().isEqualTo(original.snapshot());
      }
    }
  }

  /** Rounds {@code from} (inclusive) to {@code to}: each executes a microtask and judges the answer, seeded. */
  private static List<Decision> rounds(Exchange exchange, int from, int to) {
    List<Decision> decisions = new ArrayList<>();
    for (int i = from; i < to; i++) {
      SplittableRandom round = new SplittableRandom(SEED * 31 + i);
      Microtask task = Microtask.builder("email.spam")
          .id("task-" + i)
          .input("message " + i)
          .features(Features.of(round.nextDouble(), round.nextDouble()))
          .build();
      Execution execution = exchange.execute(task);
      double quality = round.nextDouble() < TRUE_QUALITY.get(execution.servedBy()) ? 1 : 0;
      exchange.feedback(execution.decision().id(), Feedback.score(quality));
      decisions.add(execution.decision());
    }
    return decisions;
  }

  private static Decision withoutIdAndTime(Decision d) {
    return new Decision("", d.taskId(), d.kind(), d.tenant(), 0, d.costWeight(), d.latencyWeight(), d.draw(),
        d.ranked(), d.exclusions(), d.winner(), d.margin(), d.explored());
  }
}
