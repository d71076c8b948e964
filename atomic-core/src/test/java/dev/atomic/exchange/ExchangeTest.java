package dev.atomic.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.AtomicException;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.Usage;
import dev.atomic.budget.Budget;
import dev.atomic.policy.Policy;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ExchangeTest {

  private static Microtask task(String id) {
    return Microtask.builder("email.spam").id(id).input("hello").build();
  }

  private static Exchange.Builder exchange(Bidder... bidders) {
    Exchange.Builder b = Exchange.builder().seed(1);
    for (Bidder bidder : bidders) {
      b.bidder(bidder);
    }
    return b;
  }

  @Test
  void award_costWeight_changesTheWinnerAndSaysWhy() {
    TestBidder cheap = new TestBidder("cheap", 0.85, 0.0001, 10, 0.85);
    TestBidder premium = new TestBidder("premium", 0.99, 0.02, 10, 0.99);
    // Strong priors on the claim make this test about the weights, not about exploration.
    try (Exchange ex = exchange(cheap, premium)
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1)).build()) {
      Decision qualityFirst = ex.award(task("t1"), Utility.qualityOnly());
      Decision costAware = ex.award(task("t2"), Utility.of(20, 0));
      assertThat(qualityFirst.winner()).isEqualTo("premium");
      assertThat(costAware.winner()).isEqualTo("cheap");
      assertThat(costAware.explain()).contains("Awarded to cheap").contains("premium lost").contains("cost +0.3980");
      assertThat(costAware.margin()).isPositive();
    }
  }

  @Test
  void award_policy_excludesBeforeAskingForABid() {
    TestBidder local = new TestBidder("local", 0.8, 0.0001, 5, 0.8);
    TestBidder hosted = new TestBidder("hosted", 0.99, 0.001, 5, 0.99).hosted();
    Policy piiStaysHome = (t, id, profile) -> t.dataClasses().contains("pii") && !profile.onPremises()
        ? Optional.of("pii stays on premises") : Optional.empty();
    try (Exchange ex = exchange(local, hosted).policy(piiStaysHome).build()) {
      Decision d = ex.award(Microtask.builder("email.spam").dataClasses(Set.of("pii")).build());
      assertThat(d.winner()).isEqualTo("local");
      assertThat(hosted.bids).hasValue(0);
      assertThat(d.exclusions()).containsExactly(
          new Exclusion("hosted", Exclusion.Reason.POLICY, "pii stays on premises"));
    }
  }

  @Test
  void award_failingPolicy_failsClosed() {
    TestBidder hosted = new TestBidder("hosted", 0.99, 0.001, 5, 0.99).hosted();
    Policy broken = (t, id, profile) -> {
      throw new IllegalStateException("rules not loaded");
    };
    try (Exchange ex = exchange(hosted).policy(broken).build()) {
      Decision d = ex.award(task("t"));
      assertThat(d.awarded()).isFalse();
      assertThat(hosted.bids).hasValue(0);
      assertThat(d.exclusions().getFirst().detail()).contains("rules not loaded");
    }
  }

  @Test
  void award_bidderThatNeverAnswers_isExcludedAsLateWithoutHanging() {
    CountDownLatch never = new CountDownLatch(1);
    Bidder stuck = new Bidder() {
      @Override
      public String id() {
        return "stuck";
      }

      @Override
      public Optional<Bid> bid(Microtask task) throws InterruptedException {
        never.await();
        return Optional.empty();
      }

      @Override
      public Answer serve(Microtask task) {
        throw new UnsupportedOperationException();
      }
    };
    TestBidder ok = new TestBidder("ok", 0.9, 0.001, 5, 0.9);
    try (Exchange ex = exchange(stuck, ok).bidTimeout(Duration.ofMillis(50)).build()) {
      Decision d = ex.award(task("t"));
      assertThat(d.winner()).isEqualTo("ok");
      assertThat(d.exclusions()).extracting(Exclusion::arm, Exclusion::reason)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("stuck", Exclusion.Reason.LATE));
    } finally {
      never.countDown();
    }
  }

  @Test
  void award_throwingAndNonsenseBids_areExcludedWithReasons() {
    Bidder thrower = bidder("thrower", () -> {
      throw new IllegalStateException("boom");
    });
    Bidder nan = bidder("nan", () -> Optional.of(Bid.of(Double.NaN, 0.01, Duration.ofMillis(1))));
    Bidder negative = bidder("negative", () -> Optional.of(Bid.of(0.9, -0.01, Duration.ofMillis(1))));
    Bidder nullBid = bidder("null", () -> null);
    Bidder abstains = bidder("abstains", Optional::empty);
    TestBidder ok = new TestBidder("ok", 0.9, 0.001, 5, 0.9);
    try (Exchange ex = exchange(thrower, nan, negative, nullBid, abstains, ok).build()) {
      Decision d = ex.award(task("t"));
      assertThat(d.winner()).isEqualTo("ok");
      assertThat(d.exclusions()).extracting(Exclusion::arm, Exclusion::reason).containsExactly(
          org.assertj.core.groups.Tuple.tuple("thrower", Exclusion.Reason.FAILED),
          org.assertj.core.groups.Tuple.tuple("nan", Exclusion.Reason.INVALID_BID),
          org.assertj.core.groups.Tuple.tuple("negative", Exclusion.Reason.INVALID_BID),
          org.assertj.core.groups.Tuple.tuple("null", Exclusion.Reason.INVALID_BID),
          org.assertj.core.groups.Tuple.tuple("abstains", Exclusion.Reason.ABSTAINED));
      assertThat(d.exclusions().getFirst().detail()).contains("boom");
    }
  }

  @Test
  void award_hardConstraints_excludeWithTheValues() {
    TestBidder pricey = new TestBidder("pricey", 0.99, 0.05, 10, 0.99);
    TestBidder slow = new TestBidder("slow", 0.99, 0.001, 5_000, 0.99);
    TestBidder weak = new TestBidder("weak", 0.30, 0.0001, 10, 0.3);
    TestBidder fine = new TestBidder("fine", 0.90, 0.001, 10, 0.9);
    try (Exchange ex = exchange(pricey, slow, weak, fine).build()) {
      Microtask t = Microtask.builder("email.spam").maxCostUsd(0.01).latencySlo(Duration.ofSeconds(1))
          .minQuality(0.5).build();
      Decision d = ex.award(t);
      assertThat(d.winner()).isEqualTo("fine");
      assertThat(d.exclusions()).extracting(Exclusion::arm, Exclusion::reason).containsExactly(
          org.assertj.core.groups.Tuple.tuple("pricey", Exclusion.Reason.COST),
          org.assertj.core.groups.Tuple.tuple("slow", Exclusion.Reason.LATENCY),
          org.assertj.core.groups.Tuple.tuple("weak", Exclusion.Reason.QUALITY));
      assertThat(d.exclusions().getFirst().detail()).contains("0.050000").contains("0.010000");
    }
  }

  @Test
  void award_noBidders_isNotAwardedAndExecuteSaysWhy() {
    try (Exchange ex = exchange().build()) {
      assertThat(ex.award(task("t")).awarded()).isFalse();
      assertThatThrownBy(() -> ex.execute(task("t2")))
          .isInstanceOf(NoEligibleBidException.class)
          .hasMessageContaining("no bidder is registered");
    }
  }

  @Test
  void award_pastDeadline_isRefused() {
    FakeClock clock = new FakeClock(1_000_000);
    try (Exchange ex = exchange(new TestBidder("a", 0.9, 0.001, 5, 0.9)).clock(clock).build()) {
      Microtask t = Microtask.builder("email.spam").deadline(Instant.ofEpochMilli(999_000)).build();
      assertThatThrownBy(() -> ex.award(t)).isInstanceOf(AtomicException.class).hasMessageContaining("deadline");
    }
  }

  @Test
  void execute_failingWinner_escalatesToTheNextBidAndLearnsTheFailure() {
    TestBidder broken = new TestBidder("broken", 0.99, 0.001, 5, 0.99).failingWith(new IllegalStateException("down"));
    TestBidder backup = new TestBidder("backup", 0.80, 0.001, 5, 1.0);
    try (Exchange ex = exchange(broken, backup)
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 0.5, 0, 1)).build()) {
      double before = ex.award(task("probe")).bidOf("broken").orElseThrow().believedQuality();
      Execution run = ex.execute(task("t"));
      assertThat(run.servedBy()).isEqualTo("backup");
      assertThat(run.escalated()).isTrue();
      assertThat(run.attempts()).extracting(Attempt::arm, Attempt::status).containsExactly(
          org.assertj.core.groups.Tuple.tuple("broken", Attempt.Status.FAILED),
          org.assertj.core.groups.Tuple.tuple("backup", Attempt.Status.SUCCEEDED));
      assertThat(run.attempts().getFirst().detail()).contains("down");
      double after = ex.award(task("probe2")).bidOf("broken").orElseThrow().believedQuality();
      assertThat(after).isLessThan(before);
    }
  }

  @Test
  void execute_rejectedOutput_escalatesAndTheCheckMayTransformTheValue() {
    TestBidder liar = new TestBidder("liar", 0.99, 0.001, 5, 0.0);
    TestBidder honest = new TestBidder("honest", 0.80, 0.001, 5, 1.0);
    OutputCheck mustBeTrue = (t, answer) -> Boolean.TRUE.equals(answer.output())
        ? new OutputCheck.Verdict.Accept("yes")
        : new OutputCheck.Verdict.Reject("expected true, got " + answer.output());
    try (Exchange ex = exchange(liar, honest)
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1)).build()) {
      Execution run = ex.execute(task("t"), mustBeTrue);
      assertThat(run.output()).isEqualTo("yes");
      assertThat(run.attempts().getFirst().status()).isEqualTo(Attempt.Status.REJECTED);
      assertThat(run.attempts().getFirst().detail()).contains("expected true, got false");
    }
  }

  @Test
  void execute_hangingServer_timesOutAndEscalates() {
    CountDownLatch never = new CountDownLatch(1);
    Bidder hangs = new Bidder() {
      @Override
      public String id() {
        return "hangs";
      }

      @Override
      public boolean bidsInline() {
        return true;
      }

      @Override
      public Optional<Bid> bid(Microtask task) {
        return Optional.of(Bid.of(0.99, 0.001, Duration.ofMillis(5)));
      }

      @Override
      public Answer serve(Microtask task) throws InterruptedException {
        never.await();
        return null;
      }
    };
    TestBidder backup = new TestBidder("backup", 0.5, 0.001, 5, 1.0);
    try (Exchange ex = exchange(hangs, backup).attemptTimeout(Duration.ofMillis(50))
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1)).build()) {
      Execution run = ex.execute(task("t"));
      assertThat(run.servedBy()).isEqualTo("backup");
      assertThat(run.attempts().getFirst().status()).isEqualTo(Attempt.Status.TIMED_OUT);
    } finally {
      never.countDown();
    }
  }

  @Test
  void execute_inlineServer_isCalledOnTheCallersThreadAndItsFailureEscalates() {
    Thread caller = Thread.currentThread();
    List<Thread> servedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    Bidder inline = new Bidder() {
      @Override
      public String id() {
        return "inline";
      }

      @Override
      public boolean bidsInline() {
        return true;
      }

      @Override
      public boolean servesInline() {
        return true;
      }

      @Override
      public Optional<Bid> bid(Microtask task) {
        return Optional.of(Bid.of(0.99, 0.0001, Duration.ofMillis(1)));
      }

      @Override
      public Answer serve(Microtask task) {
        servedOn.add(Thread.currentThread());
        if (task.id().equals("fails")) {
          throw new IllegalStateException("inline failure");
        }
        return Answer.of("ok", 0.0001, Duration.ofMillis(1));
      }
    };
    TestBidder backup = new TestBidder("backup", 0.5, 0.001, 5, 1.0);
    try (Exchange ex = exchange(inline, backup).estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1))
        .build()) {
      assertThat(ex.execute(task("t")).output()).isEqualTo("ok");
      assertThat(servedOn).containsExactly(caller);
      Execution escalated = ex.execute(task("fails"));
      assertThat(escalated.servedBy()).isEqualTo("backup");
      assertThat(escalated.attempts().getFirst().detail()).contains("inline failure");
    }
  }

  @Test
  void execute_everyAttemptFails_throwsWithEveryAttempt() {
    TestBidder a = new TestBidder("a", 0.9, 0.001, 5, 1).failingWith(new IllegalStateException("a down"));
    TestBidder b = new TestBidder("b", 0.8, 0.001, 5, 1).failingWith(new IllegalStateException("b down"));
    try (Exchange ex = exchange(a, b).build()) {
      assertThatThrownBy(() -> ex.execute(task("t")))
          .isInstanceOf(AwardFailedException.class)
          .hasMessageContaining("a down").hasMessageContaining("b down")
          .satisfies(e -> assertThat(((AwardFailedException) e).attempts()).hasSize(2));
    }
  }

  @Test
  void execute_maxAttempts_limitsEscalation() {
    Exchange.Builder b = exchange().maxAttempts(2);
    for (int i = 0; i < 5; i++) {
      b.bidder(new TestBidder("b" + i, 0.9, 0.001, 5, 1).failingWith(new IllegalStateException("down")));
    }
    try (Exchange ex = b.build()) {
      assertThatThrownBy(() -> ex.execute(task("t")))
          .satisfies(e -> assertThat(((AwardFailedException) e).attempts()).hasSize(2));
    }
  }

  @Test
  void feedback_overstatingBidder_isDiscountedToItsTrackRecord() {
    TestBidder boastful = new TestBidder("boastful", 0.95, 0.001, 5, 0.70).seeded(11);
    try (Exchange ex = exchange(boastful).build()) {
      for (int i = 0; i < 600; i++) {
        Execution run = ex.execute(task("t" + i));
        ex.feedback(run.decision().id(), (Boolean) run.output() ? Feedback.accepted() : Feedback.rejected());
      }
      ScoredBid bid = ex.award(task("probe")).bidOf("boastful").orElseThrow();
      assertThat(bid.claimedQuality()).isEqualTo(0.95);
      assertThat(bid.believedQuality()).isCloseTo(0.70, within(0.05));
    }
  }

  @Test
  void feedback_unknownOrRepeated_isAClearError() {
    try (Exchange ex = exchange(new TestBidder("a", 0.9, 0.001, 5, 1)).build()) {
      assertThatThrownBy(() -> ex.feedback("nope", Feedback.accepted()))
          .isInstanceOf(AtomicException.class).hasMessageContaining("'nope'");
      Decision d = ex.award(task("t"));
      ex.feedback(d.id(), Feedback.accepted().withActualCost(0.002, 7));
      assertThatThrownBy(() -> ex.feedback(d.id(), Feedback.accepted())).hasMessageContaining("already has feedback");
    }
  }

  @Test
  void feedback_actualCost_correctsTheExpectedCost() {
    try (Exchange ex = exchange(new TestBidder("a", 0.9, 0.001, 5, 1)).build()) {
      for (int i = 0; i < 50; i++) {
        Decision d = ex.award(task("t" + i));
        ex.feedback(d.id(), Feedback.accepted().withActualCost(0.003, 5));
      }
      assertThat(ex.award(task("probe")).winningBid().orElseThrow().expectedCostUsd()).isCloseTo(0.003, within(1e-4));
    }
  }

  @Test
  void listener_hearsEveryEventAndAThrowingOneBreaksNothing() {
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExchangeListener recorder = new ExchangeListener() {
      @Override
      public void onDecision(Microtask task, Decision decision) {
        heard.add("decision " + decision.winner());
      }

      @Override
      public void onExecution(Microtask task, Execution execution) {
        heard.add("execution " + execution.servedBy());
      }

      @Override
      public void onFeedback(String decisionId, Feedback feedback) {
        heard.add("feedback " + feedback.quality());
      }
    };
    ExchangeListener broken = new ExchangeListener() {
      @Override
      public void onDecision(Microtask task, Decision decision) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (Exchange ex = exchange(new TestBidder("a", 0.9, 0.001, 5, 1)).listener(broken).listener(recorder).build()) {
      Execution run = ex.execute(task("t"));
      ex.feedback(run.decision().id(), Feedback.accepted());
      assertThat(heard).containsExactly("decision a", "execution a", "feedback 1.0");
      assertThat(ex.listenerFailures()).isEqualTo(1);
    }
  }

  @Test
  void learning_isPerTenantUnlessBothOptIn() {
    for (boolean shared : new boolean[] {false, true}) {
      Exchange.Builder b = exchange(new TestBidder("a", 0.9, 0.001, 5, 1));
      if (shared) {
        b.learningScopes(LearningScopes.sharedAmong(Set.of("acme", "globex")));
      }
      try (Exchange ex = b.build()) {
        double before = believed(ex, "globex");
        for (int i = 0; i < 40; i++) {
          Decision d = ex.award(Microtask.builder("email.spam").tenant("acme").build());
          ex.feedback(d.id(), Feedback.rejected());
        }
        assertThat(believed(ex, "acme")).isLessThan(before - 0.3);
        if (shared) {
          assertThat(believed(ex, "globex")).isEqualTo(believed(ex, "acme"));
        } else {
          assertThat(believed(ex, "globex")).isEqualTo(before);
        }
        assertThat(ex.snapshot().arms()).extracting(dev.atomic.estimate.EstimatorSnapshot.Arm::scope)
            .contains(shared ? LearningScopes.SHARED : "acme");
      }
    }
  }

  private static double believed(Exchange ex, String tenant) {
    return ex.award(Microtask.builder("email.spam").tenant(tenant).build()).bidOf("a").orElseThrow().believedQuality();
  }

  @Test
  void decision_serialisesToJsonAndBack() throws Exception {
    try (Exchange ex = exchange(new TestBidder("a", 0.9, 0.001, 5, 1), new TestBidder("b", 0.8, 0.0001, 5, 1))
        .build()) {
      Decision d = ex.award(task("t"));
      ObjectMapper json = new ObjectMapper();
      String text = json.writeValueAsString(d);
      assertThat(text).contains("\"winner\"").contains("\"ranked\"").contains("\"believedQuality\"");
      Map<?, ?> back = json.readValue(text, Map.class);
      assertThat(back.get("winner")).isEqualTo(d.winner());
      assertThat(json.readValue(text, Decision.class)).isEqualTo(d);
    }
  }

  @Test
  void budget_pacesSpendOverTheWindow() {
    FakeClock clock = new FakeClock(0);
    TestBidder a = new TestBidder("a", 0.9, 0.01, 5, 1);
    try (Exchange ex = exchange(a).clock(clock).budget("default", new Budget(1.0, Duration.ofHours(1), 0.1))
        .build()) {
      int awarded = 0;
      for (int i = 0; i < 100; i++) {
        awarded += ex.award(task("burst" + i)).awarded() ? 1 : 0;
      }
      assertThat(awarded).isEqualTo(10); // 10% of $1 at the start of the window, $0.01 each
      Decision refused = ex.award(task("more"));
      assertThat(refused.exclusions()).extracting(Exclusion::reason).containsExactly(Exclusion.Reason.BUDGET);
      clock.advance(Duration.ofMinutes(30)); // allowance is now 0.1 + 0.9 * 0.5 = 0.55
      int later = 0;
      for (int i = 0; i < 100; i++) {
        later += ex.award(task("later" + i)).awarded() ? 1 : 0;
      }
      assertThat(later).isEqualTo(45);
      assertThat(ex.budgets().committed("default")).isCloseTo(0.55, within(1e-9));
    }
  }

  @Test
  void cascade_agreementStopsEarly() {
    try (Exchange ex = cascadeExchange(true)) {
      Decision d = ex.award(task("probe"));
      assertThat(d.winner()).isEqualTo("cascade");
      assertThat(d.winningBid().orElseThrow().claimedCostUsd()).isCloseTo(0.0003 + 0.005, within(1e-12));
      Execution run = ex.execute(task("t"));
      assertThat(run.servedBy()).isEqualTo("cascade");
      assertThat(run.answer().costUsd()).isCloseTo(0.0003, within(1e-12));
      assertThat(run.attempts().getFirst().detail()).isEqualTo("stage 1 of 2 answered");
    }
  }

  @Test
  void cascade_majorityVote_returnsTheMajorityAnswerNotTheFirst() {
    try (Exchange ex = exchange(constant("cheap1", "B", 0.0001, 0.6), constant("cheap2", "A", 0.0001, 0.6),
        constant("cheap3", "A", 0.0001, 0.6), constant("strong", "C", 0.01, 0.99))
        .utility(Utility.of(10, 0))
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1))
        .cascade(Cascade.of("vote", Verifier.majority(),
            List.of(List.of("cheap1", "cheap2", "cheap3"), List.of("strong"))))
        .build()) {
      Execution run = ex.execute(task("t"));

      assertThat(run.servedBy()).isEqualTo("vote");
      assertThat(run.output()).isEqualTo("A");
      assertThat(run.attempts().getFirst().detail()).isEqualTo("stage 1 of 2 answered");
    }
  }

  @Test
  void cascade_disagreementEscalatesAndPaysForBothStages() {
    try (Exchange ex = cascadeExchange(false)) {
      Execution run = ex.execute(task("t"));
      assertThat(run.servedBy()).isEqualTo("cascade");
      assertThat(run.output()).isEqualTo(true);
      assertThat(run.answer().costUsd()).isCloseTo(0.0103, within(1e-12));
      assertThat(run.attempts().getFirst().detail()).isEqualTo("stage 2 of 2 answered");
    }
  }

  @Test
  void feedback_cascadeWithoutSingleCorrectAnswer_teachesOnlyMembersThatGaveTheAnswer() {
    try (Exchange ex = cascadeExchange(false, Verifier.agreement())) {
      Execution run = ex.execute(task("t"));
      ex.feedback(run.decision().id(), Feedback.accepted());
      assertThat(observations(ex, "cheap1")).isEqualTo(1);
      assertThat(observations(ex, "cheap2")).isZero();
      assertThat(observations(ex, "strong")).isEqualTo(1);
    }
  }

  @Test
  void feedback_rightAnswerWithSingleCorrectAnswer_teachesADissentingMemberItWasWrong() {
    try (Exchange ex = cascadeExchange(false, Verifier.agreement().withSingleCorrectAnswer())) {
      Execution run = ex.execute(task("t"));
      double before = memberBelief(ex, "cheap2");
      ex.feedback(run.decision().id(), Feedback.accepted());
      assertThat(observations(ex, "cheap2")).isEqualTo(1);
      assertThat(memberBelief(ex, "cheap2")).isLessThan(before);
      assertThat(observations(ex, "cheap1")).isEqualTo(1);
      assertThat(memberBelief(ex, "cheap1")).isGreaterThan(before);
    }
  }

  @Test
  void feedback_wrongAnswerWithSingleCorrectAnswer_teachesADissentingMemberNothing() {
    try (Exchange ex = cascadeExchange(false, Verifier.agreement().withSingleCorrectAnswer())) {
      Execution run = ex.execute(task("t"));
      ex.feedback(run.decision().id(), Feedback.rejected());
      assertThat(observations(ex, "cheap2")).isZero();
      assertThat(observations(ex, "cheap1")).isEqualTo(1);
      assertThat(observations(ex, "strong")).isEqualTo(1);
    }
  }

  @Test
  void withSingleCorrectAnswer_keepsTheVerdictAndDeclaresTheProperty() {
    Verifier agreement = Verifier.agreement();
    Verifier declared = agreement.withSingleCorrectAnswer();
    List<Answer> split = List.of(Answer.of("A", 0, Duration.ZERO), Answer.of("B", 0, Duration.ZERO));
    List<Answer> same = List.of(Answer.of("A", 0, Duration.ZERO), Answer.of("A", 0, Duration.ZERO));
    assertThat(agreement.singleCorrectAnswer()).isFalse();
    assertThat(declared.singleCorrectAnswer()).isTrue();
    assertThat(declared.accept(task("v"), split)).isFalse();
    assertThat(declared.accept(task("v"), same)).isTrue();
  }

  private static double observations(Exchange ex, String arm) {
    return ex.estimator().estimate(arm, "email.spam", 0.6, 0.001, 5, task("x").features()).observations();
  }

  private static double memberBelief(Exchange ex, String arm) {
    return ex.estimator().estimate(arm, "email.spam", 0.6, 0.001, 5, task("x").features()).meanQuality();
  }

  @Test
  void cascade_namingAnUnknownBidder_isRejectedAtRegistration() {
    assertThatThrownBy(() -> exchange(constant("a", true, 0.1, 0.5))
        .cascade(Cascade.of("c", Verifier.agreement(), List.of(List.of("a"), List.of("ghost")))).build())
        .hasMessageContaining("'ghost'");
  }

  @Test
  void execute_escalation_recordsEachAttemptsUsageAndTotalsTheTokens() {
    Bidder big = metered(constant("big", "{\"a\":1,}", 0.01, 0.99), Usage.of("big-model", 120, 30));
    Bidder small = metered(constant("small", "{\"a\":1,}", 0.001, 0.6), Usage.of("small-model", 80, 10));
    OutputCheck secondIsRepaired = (t, answer) -> answer.usage().model().equals("big-model")
        ? new OutputCheck.Verdict.Reject("not this one")
        : new OutputCheck.Verdict.Accept(Map.of("a", 1), List.of("TRAILING_COMMA at $ (char 6)"));
    try (Exchange ex = exchange(big, small)
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1)).build()) {
      Execution run = ex.execute(task("t"), secondIsRepaired);

      assertThat(run.attempts()).extracting(Attempt::arm, Attempt::usage).containsExactly(
          org.assertj.core.groups.Tuple.tuple("big", Usage.of("big-model", 120, 30)),
          org.assertj.core.groups.Tuple.tuple("small", Usage.of("small-model", 80, 10)));
      assertThat(run.answer().usage()).isEqualTo(Usage.of("small-model", 80, 10));
      assertThat(run.totalUsage()).isEqualTo(Usage.of("big-model,small-model", 200, 40));
      assertThat(run.repairs()).containsExactly("TRAILING_COMMA at $ (char 6)");
    }
  }

  @Test
  void execute_failedAttemptAndUnmeteredBidder_leaveTheirUsageUnknownAndTheTotalCountsTheKnown() {
    TestBidder broken = new TestBidder("broken", 0.99, 0.001, 5, 0.99).failingWith(new IllegalStateException("down"));
    Bidder backup = metered(constant("backup", true, 0.001, 0.8), Usage.of("backup-model", 7, 3));
    try (Exchange ex = exchange(broken, backup)
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1)).build()) {
      Execution run = ex.execute(task("t"));

      assertThat(run.attempts().getFirst().usage()).isEqualTo(Usage.UNKNOWN);
      assertThat(run.totalUsage()).isEqualTo(Usage.of("backup-model", 7, 3));
      assertThat(run.repairs()).isEmpty(); // acceptAll repairs nothing
    }
  }

  @Test
  void cascade_escalatedToTheLastStage_attemptCountsEveryMemberCalled() {
    try (Exchange ex = meteredCascade(false)) {
      Execution run = ex.execute(task("t"));

      assertThat(run.servedBy()).isEqualTo("cascade");
      assertThat(run.attempts()).hasSize(1);
      assertThat(run.attempts().getFirst().usage()).isEqualTo(Usage.of("m1,m2,m3", 330, 33));
      assertThat(run.totalUsage()).isEqualTo(Usage.of("m1,m2,m3", 330, 33));
    }
  }

  @Test
  void cascade_agreementStopsEarly_countsOnlyTheFirstStagesTokens() {
    try (Exchange ex = meteredCascade(true)) {
      Execution run = ex.execute(task("t"));

      assertThat(run.attempts().getFirst().detail()).isEqualTo("stage 1 of 2 answered");
      assertThat(run.totalUsage()).isEqualTo(Usage.of("m1,m2", 30, 3));
    }
  }

  /** Two cheap, modest bidders and a strong, costly one; the cascade of them is the best deal on paper. */
  private static Exchange cascadeExchange(boolean cheapOnesAgree) {
    return cascadeExchange(cheapOnesAgree, Verifier.agreement());
  }

  private static Exchange cascadeExchange(boolean cheapOnesAgree, Verifier verifier) {
    return exchange(constant("cheap1", true, 0.0001, 0.6), constant("cheap2", cheapOnesAgree, 0.0002, 0.6),
        constant("strong", true, 0.01, 0.99))
        .utility(Utility.of(10, 0))
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1))
        .cascade(Cascade.of("cascade", verifier, List.of(List.of("cheap1", "cheap2"), List.of("strong"))))
        .build();
  }

  private static Bidder constant(String id, Object output, double cost, double quality) {
    return new ConstantBidder(id, output, cost, quality);
  }

  /**
   * Three metered bidders and a cascade of the two cheap ones (escalating to the strong one when they disagree), which
   * always wins: the second cheap one agrees with the first, or not.
   */
  private static Exchange meteredCascade(boolean cheapAgree) {
    return exchange(metered(constant("cheap1", true, 0.0001, 0.6), Usage.of("m1", 10, 1)),
        metered(constant("cheap2", cheapAgree, 0.0002, 0.6), Usage.of("m2", 20, 2)),
        metered(constant("strong", true, 0.01, 0.99), Usage.of("m3", 300, 30)))
        .utility(Utility.of(10, 0))
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1))
        .cascade(Cascade.of("cascade", Verifier.agreement(), List.of(List.of("cheap1", "cheap2"), List.of("strong"))))
        .build();
  }

  /** The bidder, answering as it does but having used {@code usage}. */
  private static Bidder metered(Bidder bidder, Usage usage) {
    return new Bidder() {
      @Override
      public String id() {
        return bidder.id();
      }

      @Override
      public boolean bidsInline() {
        return true;
      }

      @Override
      public Optional<Bid> bid(Microtask task) throws Exception {
        return bidder.bid(task);
      }

      @Override
      public Answer serve(Microtask task) throws Exception {
        return bidder.serve(task).withUsage(usage);
      }
    };
  }

  private interface BidSupplier {
    Optional<Bid> get() throws Exception;
  }

  private static Bidder bidder(String id, BidSupplier bids) {
    return new Bidder() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Optional<Bid> bid(Microtask task) throws Exception {
        return bids.get();
      }

      @Override
      public Answer serve(Microtask task) {
        return Answer.of("x", 0, Duration.ZERO);
      }
    };
  }
}
