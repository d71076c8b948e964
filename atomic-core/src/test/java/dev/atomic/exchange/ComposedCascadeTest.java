package dev.atomic.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.estimate.CascadeBelief;
import dev.atomic.estimate.Estimator;
import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.task.Features;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Cascades believed from their members' records ({@link EstimatorConfig#cascadeMemberWeight()} above 0). */
class ComposedCascadeTest {

  private static final String KIND = "quiz";
  private static final EstimatorConfig COMPOSED = EstimatorConfig.defaults().withCascadeMemberWeight(2);

  private static Microtask task(String id) {
    return Microtask.builder(KIND).id(id).input("q").build();
  }

  /** A bidder that claims a flat 0.5 and always answers {@code output}. */
  private static Bidder constant(String id, Object output, double cost) {
    return new ConstantBidder(id, output, cost, 0.5);
  }

  private static Exchange pairThenStrong(EstimatorConfig config, boolean cheapOnesAgree) {
    return Exchange.builder().seed(7).utility(Utility.of(10, 0)).estimator(config)
        .bidder(constant("cheap1", "A", 0.0001)).bidder(constant("cheap2", cheapOnesAgree ? "A" : "B", 0.0002))
        .bidder(constant("strong", "A", 0.01))
        .cascade(Cascade.of("cascade", Verifier.agreement().withSingleCorrectAnswer(),
            List.of(List.of("cheap1", "cheap2"), List.of("strong"))))
        .build();
  }

  /** Teaches an arm's own record: {@code right} of {@code n} outcomes were right. */
  private static void teach(Exchange ex, String arm, int right, int n) {
    for (int i = 0; i < n; i++) {
      ex.estimator().observeOutcome(arm, KIND, 0.5, Features.none(), i < right ? 1 : 0);
    }
  }

  private static ScoredBid cascadeBid(Exchange ex) {
    return bid(ex.award(task("probe")), "cascade");
  }

  private static ScoredBid bid(Decision d, String arm) {
    return d.ranked().stream().filter(b -> b.arm().equals(arm)).findFirst().orElseThrow();
  }

  /**
   * An exchange, without exploration, whose cascade's own record makes it the clear winner: its pair agreed 50 times
   * out of 50 and was right each time, while the strong model alone is right 3 times in 4.
   */
  private static Exchange cascadeWins(boolean cheapOnesAgree) {
    Exchange ex = pairThenStrong(COMPOSED.withExplorationScale(0), cheapOnesAgree);
    teach(ex, "strong", 150, 200);
    for (int i = 0; i < 50; i++) {
      ex.estimator().observeCascadeStop(Estimator.DEFAULT_SCOPE, "cascade", KIND, 1, 2);
      ex.estimator().observeCascadeOutcome(Estimator.DEFAULT_SCOPE, "cascade", KIND, 1, 1);
    }
    return ex;
  }

  @Test
  void aComposedCascade_isBelievedFromItsMembersRecords_beforeItIsEverServed() {
    try (Exchange composed = pairThenStrong(COMPOSED, true);
        Exchange alone = pairThenStrong(EstimatorConfig.defaults(), true)) {
      for (Exchange ex : List.of(composed, alone)) {
        teach(ex, "cheap1", 180, 200);
        teach(ex, "cheap2", 160, 200);
        teach(ex, "strong", 196, 200);
      }
      Decision d = composed.award(task("probe"));
      ScoredBid believed = bid(d, "cascade");
      ScoredBid learnedAlone = cascadeBid(alone);

      // Half stopped at the best cheap member, half escalated to the strong one, as each is believed on its own.
      assertThat(believed.believedQuality()).isCloseTo(
          0.5 * bid(d, "cheap1").believedQuality() + 0.5 * bid(d, "strong").believedQuality(), within(1e-9))
          .isGreaterThan(0.85);
      assertThat(believed.observations()).isZero();
      assertThat(believed.expectedCostUsd()).isCloseTo(0.0003 + 0.5 * 0.01, within(1e-12));
      assertThat(believed.rationale()).contains("believed from its members' records");
      // Learned alone, the cascade knows nothing of what its members taught: it is still at its flat claim.
      assertThat(learnedAlone.believedQuality()).isCloseTo(0.5, within(0.01));
    }
  }

  @Test
  void servingAndFeedback_teachTheStageThatAnswered_andThePendingAwardKeepsIt() {
    try (Exchange agreeing = cascadeWins(true); Exchange split = cascadeWins(false)) {
      Execution early = agreeing.execute(task("t1"));
      Execution late = split.execute(task("t2"));
      assertThat(early.servedBy()).isEqualTo("cascade");
      assertThat(late.servedBy()).isEqualTo("cascade");
      assertThat(agreeing.pendingAwards().getFirst().contributions()).first()
          .extracting(PendingAward.Contribution::arm, PendingAward.Contribution::stage).containsExactly("cascade", 1);
      assertThat(split.pendingAwards().getFirst().contributions()).first()
          .extracting(PendingAward.Contribution::arm, PendingAward.Contribution::stage).containsExactly("cascade", 2);

      // Which stage answered is known at once, before any feedback.
      assertThat(stage(agreeing, 0)).extracting(CascadeBelief.Stage::stops, CascadeBelief.Stage::passes)
          .containsExactly(51.0, 0.0);
      assertThat(stage(split, 0)).extracting(CascadeBelief.Stage::stops, CascadeBelief.Stage::passes)
          .containsExactly(50.0, 1.0);

      agreeing.feedback(early.decision().id(), Feedback.rejected());
      split.feedback(late.decision().id(), Feedback.accepted());
      assertThat(stage(agreeing, 0)).extracting(CascadeBelief.Stage::right, CascadeBelief.Stage::wrong)
          .containsExactly(50.0, 1.0);
      assertThat(stage(split, 1)).extracting(CascadeBelief.Stage::right, CascadeBelief.Stage::wrong)
          .containsExactly(1.0, 0.0);
      assertThat(stage(split, 0)).extracting(CascadeBelief.Stage::right, CascadeBelief.Stage::wrong)
          .containsExactly(50.0, 0.0);
    }
  }

  @Test
  void aRestoredExchange_learnsTheStageOfAnAwardMadeBeforeTheRestart() {
    try (Exchange before = cascadeWins(false)) {
      Execution run = before.execute(task("t"));
      assertThat(run.servedBy()).isEqualTo("cascade");
      try (Exchange after = pairThenStrong(COMPOSED.withExplorationScale(0), false)) {
        after.restore(before.snapshot());
        after.restorePending(before.pendingAwards());
        after.feedback(run.decision().id(), Feedback.accepted());
        before.feedback(run.decision().id(), Feedback.accepted());
        assertThat(after.snapshot()).usingRecursiveComparison().isEqualTo(before.snapshot());
        assertThat(stage(after, 1).right()).isEqualTo(1);
      }
    }
  }

  private static CascadeBelief.Stage stage(Exchange ex, int s) {
    Estimator e = ex.estimator();
    CascadeBelief.Member any = new CascadeBelief.Member("cheap1",
        e.estimate("cheap1", KIND, 0.5, 0.0001, 5, Features.none()));
    return e.cascadeBelief(Estimator.DEFAULT_SCOPE, "cascade", KIND, List.of(List.of(any), List.of(any)))
        .stages().get(s);
  }

  // ---- invariants over generated exchanges ------------------------------------------------------------------------

  @Property(tries = 60)
  void composedCascades_neverBreakAHardConstraint_andEveryArmIsRankedOrExcluded(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 0, max = 0.03) double maxCost,
      @ForAll @IntRange(min = 1, max = 6000) int sloMs,
      @ForAll @DoubleRange(min = 0, max = 1) double minQuality,
      @ForAll @DoubleRange(min = 0, max = 1) double topTwo) {
    SplittableRandom random = new SplittableRandom(seed);
    try (Exchange ex = randomExchange(seed, COMPOSED.withTopTwoProbability(topTwo), random)) {
      stream(ex, random, 40);
      Microtask t = Microtask.builder(KIND).maxCostUsd(maxCost).latencySlo(Duration.ofMillis(sloMs))
          .minQuality(minQuality).build();
      Decision d = ex.award(t);
      for (ScoredBid b : d.ranked()) {
        assertThat(b.expectedCostUsd()).isLessThanOrEqualTo(maxCost);
        assertThat(b.expectedLatencyMs()).isLessThanOrEqualTo(sloMs);
        assertThat(b.believedQuality()).isBetween(minQuality, 1.0);
        assertThat(b.drawnQuality()).isBetween(0.0, 1.0);
      }
      assertThat(d.ranked().size() + d.exclusions().size()).isEqualTo(4 + 2);
    }
  }

  @Property(tries = 30)
  void composedCascades_sameSeed_sameDecisions(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    List<String> first;
    try (Exchange ex = randomExchange(seed, COMPOSED, new SplittableRandom(seed))) {
      first = stream(ex, new SplittableRandom(seed + 1), 60);
    }
    try (Exchange ex = randomExchange(seed, COMPOSED, new SplittableRandom(seed))) {
      assertThat(stream(ex, new SplittableRandom(seed + 1), 60)).isEqualTo(first);
    }
  }

  /** Four bidders answering true at their own rates, and two cascades of them. */
  private static Exchange randomExchange(long seed, EstimatorConfig config, SplittableRandom random) {
    Exchange.Builder builder = Exchange.builder().seed(seed).utility(Utility.of(random.nextDouble(100), 0.01))
        .estimator(config);
    for (int i = 0; i < 4; i++) {
      Bid bid = new Bid(random.nextDouble(), random.nextDouble(0.5), random.nextDouble(0.01),
          Duration.ofMillis(random.nextInt(1, 2000)), "random");
      builder.bidder(new TestBidder("b" + i, bid, random.nextDouble(), dev.atomic.bidding.BidderProfile.local(), true,
          random.nextLong()));
    }
    Verifier agree = Verifier.agreement().withSingleCorrectAnswer();
    builder.cascade(Cascade.of("c01", agree, List.of(List.of("b0", "b1"), List.of("b3"))));
    builder.cascade(Cascade.of("c12", agree, List.of(List.of("b1", "b2"), List.of("b3"))));
    return builder.build();
  }

  /** Executes a stream with feedback; each decision as text, without its random id and time. */
  private static List<String> stream(Exchange ex, SplittableRandom random, int n) {
    List<String> decisions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Execution run = ex.execute(Microtask.builder(KIND).id("t" + i).build());
      Decision d = run.decision();
      decisions.add(d.winner() + d.ranked() + d.exclusions() + d.draw() + run.servedBy());
      ex.feedback(d.id(), Boolean.TRUE.equals(run.output()) ? Feedback.accepted() : Feedback.score(random.nextDouble()));
    }
    return decisions;
  }
}
