package dev.atomic.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.task.Features;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EstimatorTest {

  @Test
  void snapshot_restoredIntoANewEstimator_givesIdenticalEstimates() {
    Estimator original = new Estimator(EstimatorConfig.defaults());
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      Features f = Features.of(random.nextGaussian(), random.nextGaussian());
      original.observeOutcome("a", "k", 0.8, f, random.nextBoolean() ? 1 : 0);
      original.observeUsage("a", "k", 0.01, 0.012, 100, 150);
    }
    Estimator restored = new Estimator(EstimatorConfig.defaults());
    restored.restore(original.snapshot());
    Features probe = Features.of(0.3, -1.2);
    assertThat(restored.estimate("a", "k", 0.8, 0.01, 100, probe))
        .isEqualTo(original.estimate("a", "k", 0.8, 0.01, 100, probe));
    assertThat(restored.snapshot()).usingRecursiveComparison().isEqualTo(original.snapshot());
  }

  @Test
  void observeOutcome_withContext_learnsWhereTheBidderIsGood() {
    Estimator estimator = new Estimator(EstimatorConfig.defaults());
    SplittableRandom random = new SplittableRandom(5);
    Features good = Features.of(1, 0);
    Features bad = Features.of(0, 1);
    for (int i = 0; i < 1000; i++) {
      boolean easy = random.nextBoolean();
      double p = easy ? 0.95 : 0.2;
      estimator.observeOutcome("a", "k", 0.5, easy ? good : bad, random.nextDouble() < p ? 1 : 0);
    }
    assertThat(estimator.estimate("a", "k", 0.5, 0, 0, good).meanQuality()).isGreaterThan(0.9);
    assertThat(estimator.estimate("a", "k", 0.5, 0, 0, bad).meanQuality()).isLessThan(0.3);
  }

  @Test
  void observeUsage_correctsClaimedCostByTheObservedRatio() {
    Estimator estimator = new Estimator(EstimatorConfig.defaults());
    for (int i = 0; i < 99; i++) {
      estimator.observeUsage("a", "k", 0.01, 0.02, 10, 10);
    }
    assertThat(estimator.estimate("a", "k", 0.5, 0.05, 10, Features.none()).expectedCostUsd())
        .isCloseTo(0.05 * (99 * 2 + 1) / 100.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void estimate_featuresOfAnotherDimension_isAClearError() {
    Estimator estimator = new Estimator(EstimatorConfig.defaults());
    estimator.observeOutcome("a", "k", 0.5, Features.of(1, 2), 1);
    assertThatThrownBy(() -> estimator.estimate("a", "k", 0.5, 0, 0, Features.of(1, 2, 3)))
        .hasMessageContaining("dimension 3").hasMessageContaining("learned on 2");
  }

  @Test
  void observeOutcome_qualityOutsideUnitInterval_isRejected() {
    assertThatThrownBy(() -> new Estimator(EstimatorConfig.defaults()).observeOutcome("a", "k", 0.5, Features.none(), 2))
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void cascadeStageRecord_countsStopsPassesAndOutcomes_andSurvivesASnapshot() {
    EstimatorConfig config = EstimatorConfig.defaults().withCascadeMemberWeight(2);
    Estimator original = new Estimator(config);
    original.observeCascadeStop("t", "c", "k", 1, 2); // the pair agreed
    original.observeCascadeOutcome("t", "c", "k", 1, 1);
    original.observeCascadeStop("t", "c", "k", 2, 2); // it escalated
    original.observeCascadeOutcome("t", "c", "k", 2, 0.25);
    original.observeCascadeStop("t", "c", "k", 2, 2);
    List<List<CascadeBelief.Member>> members = List.of(
        List.of(new CascadeBelief.Member("a", original.estimate("t", "a", "k", 0.5, 0.001, 0, Features.none()))),
        List.of(new CascadeBelief.Member("s", original.estimate("t", "s", "k", 0.5, 0.01, 0, Features.none()))));

    CascadeBelief belief = original.cascadeBelief("t", "c", "k", members);
    assertThat(belief.stages().get(0)).extracting(CascadeBelief.Stage::stops, CascadeBelief.Stage::passes,
        CascadeBelief.Stage::right, CascadeBelief.Stage::wrong).containsExactly(1.0, 2.0, 1.0, 0.0);
    assertThat(belief.stages().get(1)).extracting(CascadeBelief.Stage::stops, CascadeBelief.Stage::passes,
        CascadeBelief.Stage::right, CascadeBelief.Stage::wrong).containsExactly(0.0, 0.0, 0.25, 0.75);
    assertThat(belief.observations()).isEqualTo(2);

    Estimator restored = new Estimator(config);
    restored.restore(original.snapshot());
    assertThat(restored.cascadeBelief("t", "c", "k", members)).isEqualTo(belief);
    assertThat(restored.snapshot()).usingRecursiveComparison().isEqualTo(original.snapshot());
    assertThat(original.cascadeBelief("other tenant", "c", "k", members).observations()).isZero();
  }

  @Test
  void cascadeBelief_whenCascadesAreLearnedAlone_isAClearError() {
    Estimator estimator = new Estimator(EstimatorConfig.defaults());
    assertThatThrownBy(() -> estimator.cascadeBelief("t", "c", "k", List.of()))
        .hasMessageContaining("learned alone");
  }
}
