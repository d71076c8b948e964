package dev.atomic.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of a cascade's belief composed from its members' records and its own stage record. */
class CascadeBeliefProperties {

  /** A member believed at a given mean (a narrow logit posterior around it), cost and latency. */
  private static CascadeBelief.Member member(String arm, double quality, double cost, double latencyMs,
      double logitVariance) {
    double q = Math.clamp(quality, 1e-3, 1 - 1e-3);
    double logit = Math.log(q / (1 - q));
    return new CascadeBelief.Member(arm, new Estimate(logit, logitVariance,
        QualityModel.meanProbability(logit, logitVariance), cost, latencyMs, 10));
  }

  /** Two cheap members that must agree, then a strong one; the stage counts given. */
  private static CascadeBelief pair(double qa, double qb, double qs, double[] first, double[] last, double weight) {
    CascadeBelief.Member a = member("a", qa, 0.001, 100, 0.2);
    CascadeBelief.Member b = member("b", qb, 0.002, 300, 0.2);
    CascadeBelief.Member s = member("s", qs, 0.01, 900, 0.2);
    return new CascadeBelief(List.of(
        new CascadeBelief.Stage(List.of(a, b), first[0], first[1], first[2], first[3]),
        new CascadeBelief.Stage(List.of(s), 0, 0, last[0], last[1])), weight);
  }

  private static final double[] NONE = {0, 0, 0, 0};

  @Property(tries = 300)
  void quality_draws_andMeans_areProbabilities_andCostLiesBetweenTheFirstStageAndAllStages(
      @ForAll @DoubleRange(min = 0, max = 1) double qa, @ForAll @DoubleRange(min = 0, max = 1) double qb,
      @ForAll @DoubleRange(min = 0, max = 1) double qs,
      @ForAll @DoubleRange(min = 0, max = 500) double stops, @ForAll @DoubleRange(min = 0, max = 500) double passes,
      @ForAll @DoubleRange(min = 0, max = 500) double right, @ForAll @DoubleRange(min = 0, max = 500) double wrong,
      @ForAll @DoubleRange(min = 0.01, max = 50) double weight, @ForAll @DoubleRange(min = 0, max = 2) double scale,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    CascadeBelief belief = pair(qa, qb, qs, new double[] {stops, passes, right, wrong}, new double[] {wrong, right},
        weight);
    SplittableRandom random = new SplittableRandom(seed);
    CascadeBelief.Draw draw = belief.sample(random, scale, m -> m.estimate().sample(random, scale));

    assertThat(belief.meanQuality()).isBetween(0.0, 1.0);
    assertThat(draw.quality()).isBetween(0.0, 1.0);
    for (double cost : new double[] {belief.expectedCostUsd(), draw.costUsd()}) {
      assertThat(cost).isBetween(0.003 - 1e-15, 0.013 + 1e-15);
    }
    for (double latency : new double[] {belief.expectedLatencyMs(), draw.latencyMs()}) {
      assertThat(latency).isBetween(300 - 1e-9, 1200 + 1e-9);
    }
  }

  @Property(tries = 200)
  void withNoEvidence_theBeliefIsTheMembersPrior_halfStoppedAtTheBestCheapMember_halfAtTheLast(
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double qa, @ForAll @DoubleRange(min = 0.01, max = 0.99) double qb,
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double qs,
      @ForAll @DoubleRange(min = 0.01, max = 50) double weight) {
    CascadeBelief belief = pair(qa, qb, qs, NONE, new double[] {0, 0}, weight);
    double a = belief.stages().get(0).members().get(0).estimate().meanQuality();
    double b = belief.stages().get(0).members().get(1).estimate().meanQuality();
    double s = belief.stages().get(1).members().getFirst().estimate().meanQuality();

    assertThat(belief.meanQuality()).isCloseTo(0.5 * Math.max(a, b) + 0.5 * s, within(1e-9));
    assertThat(belief.expectedCostUsd()).isCloseTo(0.003 + 0.5 * 0.01, within(1e-15));
    assertThat(belief.observations()).isZero();
  }

  @Property(tries = 200)
  void moreRightAnswersAtTheAgreeingStage_raiseTheQuality_moreWrongOnesLowerIt(
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double qa, @ForAll @DoubleRange(min = 0.01, max = 0.99) double qs,
      @ForAll @DoubleRange(min = 0, max = 200) double stops, @ForAll @DoubleRange(min = 0, max = 200) double passes,
      @ForAll @DoubleRange(min = 0, max = 200) double right, @ForAll @DoubleRange(min = 0, max = 200) double wrong,
      @ForAll @IntRange(min = 1, max = 50) int more) {
    double before = pair(qa, qa, qs, new double[] {stops, passes, right, wrong}, new double[] {0, 0}, 2)
        .meanQuality();
    double moreRight = pair(qa, qa, qs, new double[] {stops, passes, right + more, wrong}, new double[] {0, 0}, 2)
        .meanQuality();
    double moreWrong = pair(qa, qa, qs, new double[] {stops, passes, right, wrong + more}, new double[] {0, 0}, 2)
        .meanQuality();

    assertThat(moreRight).isGreaterThanOrEqualTo(before - 1e-12);
    assertThat(moreWrong).isLessThanOrEqualTo(before + 1e-12);
  }

  @Property(tries = 200)
  void moreAgreement_lowersTheCost_andRaisesTheQualityWhenAgreedAnswersAreBelievedBetterThanEscalated(
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double qa, @ForAll @DoubleRange(min = 0.01, max = 0.99) double qs,
      @ForAll @DoubleRange(min = 0, max = 200) double stops, @ForAll @DoubleRange(min = 0, max = 200) double passes,
      @ForAll @DoubleRange(min = 0, max = 200) double right, @ForAll @DoubleRange(min = 0, max = 200) double wrong,
      @ForAll @IntRange(min = 1, max = 50) int more) {
    CascadeBelief before = pair(qa, qa, qs, new double[] {stops, passes, right, wrong}, new double[] {0, 0}, 2);
    CascadeBelief agreeing = pair(qa, qa, qs, new double[] {stops + more, passes, right, wrong},
        new double[] {0, 0}, 2);
    double agreedRight = (2 * before.stages().getFirst().members().getFirst().estimate().meanQuality() + right)
        / (2 + right + wrong);
    double escalatedRight = before.stages().getLast().members().getFirst().estimate().meanQuality();

    assertThat(agreeing.expectedCostUsd()).isLessThan(before.expectedCostUsd());
    if (agreedRight > escalatedRight + 1e-9) {
      assertThat(agreeing.meanQuality()).isGreaterThan(before.meanQuality());
    } else if (agreedRight < escalatedRight - 1e-9) {
      assertThat(agreeing.meanQuality()).isLessThan(before.meanQuality());
    }
  }

  @Property(tries = 100)
  void aDrawAtScaleZero_isTheMean(
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double qa, @ForAll @DoubleRange(min = 0.01, max = 0.99) double qb,
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double qs,
      @ForAll @DoubleRange(min = 0, max = 200) double stops, @ForAll @DoubleRange(min = 0, max = 200) double passes,
      @ForAll @DoubleRange(min = 0, max = 200) double right, @ForAll @DoubleRange(min = 0, max = 200) double wrong) {
    CascadeBelief belief = pair(qa, qb, qs, new double[] {stops, passes, right, wrong}, new double[] {3, 1}, 2);
    CascadeBelief.Draw draw = belief.sample(new SplittableRandom(1), 0, m -> m.estimate().meanQuality());

    assertThat(draw.quality()).isCloseTo(belief.meanQuality(), within(1e-12));
    assertThat(draw.costUsd()).isCloseTo(belief.expectedCostUsd(), within(1e-15));
    assertThat(draw.latencyMs()).isCloseTo(belief.expectedLatencyMs(), within(1e-9));
  }

  @Property(tries = 20)
  void drawsAverageToTheMean_givenTheMembersRates(
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double qa, @ForAll @DoubleRange(min = 0.05, max = 0.95) double qs,
      @ForAll @IntRange(min = 0, max = 30) int stops, @ForAll @IntRange(min = 0, max = 30) int passes,
      @ForAll @IntRange(min = 0, max = 30) int right, @ForAll @IntRange(min = 0, max = 30) int wrong,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    CascadeBelief belief = pair(qa, qa, qs, new double[] {stops, passes, right, wrong}, new double[] {2, 1}, 2);
    SplittableRandom random = new SplittableRandom(seed);
    int n = 20_000;
    double quality = 0;
    double cost = 0;
    for (int i = 0; i < n; i++) {
      CascadeBelief.Draw d = belief.sample(random, 1, m -> m.estimate().meanQuality());
      quality += d.quality();
      cost += d.costUsd();
    }
    // The components are independent, so the mean of the composition is the composition of the means.
    assertThat(quality / n).isCloseTo(belief.meanQuality(), within(0.01));
    assertThat(cost / n).isCloseTo(belief.expectedCostUsd(), within(0.0002));
  }

  @Property(tries = 30)
  void beta_hasTheMeanAndTheScaledSpreadOfItsShape(
      @ForAll @DoubleRange(min = 0.2, max = 40) double a, @ForAll @DoubleRange(min = 0.2, max = 40) double b,
      @ForAll @DoubleRange(min = 0.3, max = 1) double scale, @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 40_000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double x = CascadeBelief.beta(random, scale, a, b);
      assertThat(x).isBetween(0.0, 1.0);
      sum += x;
      squares += x * x;
    }
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    double k = 1 / (scale * scale);
    double expectedVariance = a * b / ((a + b) * (a + b) * (k * (a + b) + 1));
    assertThat(mean).isCloseTo(a / (a + b), within(0.01));
    assertThat(variance).isCloseTo(expectedVariance, within(0.1 * expectedVariance + 1e-4));
  }
}
