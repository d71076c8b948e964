package dev.atomic.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EstimatorConfigTest {

  @Test
  void constructor_withoutExplorationScale_isPlainThompsonSampling() {
    assertThat(new EstimatorConfig(0.25, 2, 0.5, 1).explorationScale()).isEqualTo(1.0);
    assertThat(EstimatorConfig.defaults().explorationScale()).isEqualTo(1.0);
  }

  @Test
  void withExplorationScale_changesOnlyTheScale() {
    EstimatorConfig config = EstimatorConfig.defaults().withExplorationScale(0.5);

    assertThat(config).isEqualTo(new EstimatorConfig(0.25, 2.0, 0.5, 1.0, 0.5));
  }

  @Test
  void explorationScale_negativeOrNotFinite_isRejected() {
    assertThatThrownBy(() -> EstimatorConfig.defaults().withExplorationScale(-0.1))
        .hasMessage("explorationScale must be a finite number >= 0, was -0.1");
    assertThatThrownBy(() -> EstimatorConfig.defaults().withExplorationScale(Double.NaN))
        .hasMessageContaining("explorationScale");
    assertThatThrownBy(() -> EstimatorConfig.defaults().withExplorationScale(Double.POSITIVE_INFINITY))
        .hasMessageContaining("explorationScale");
  }

  @Test
  void topTwoProbability_defaultsToZeroAndChangesAlone() {
    assertThat(EstimatorConfig.defaults().topTwoProbability()).isZero();
    assertThat(new EstimatorConfig(0.25, 2, 0.5, 1, 0.4).topTwoProbability()).isZero();

    assertThat(EstimatorConfig.defaults().withExplorationScale(0.4).withTopTwoProbability(0.3))
        .isEqualTo(new EstimatorConfig(0.25, 2.0, 0.5, 1.0, 0.4, 0.3, false));
    assertThat(EstimatorConfig.defaults().cheaperChallengers()).isFalse();
    assertThat(EstimatorConfig.defaults().withTopTwoProbability(0.3).withCheaperChallengers(true))
        .isEqualTo(new EstimatorConfig(0.25, 2.0, 0.5, 1.0, 1.0, 0.3, true));
  }

  @Test
  void topTwoProbability_outsideZeroToOne_isRejected() {
    assertThatThrownBy(() -> EstimatorConfig.defaults().withTopTwoProbability(1.5))
        .hasMessage("topTwoProbability must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> EstimatorConfig.defaults().withTopTwoProbability(-0.1))
        .hasMessageContaining("topTwoProbability");
    assertThatThrownBy(() -> EstimatorConfig.defaults().withTopTwoProbability(Double.NaN))
        .hasMessageContaining("topTwoProbability");
  }

  @Test
  void sample_withScaleOne_drawsExactlyAsThompsonSampling() {
    Estimate e = new Estimate(0.3, 1.7, 0.55, 0, 0, 10);
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);

    for (int i = 0; i < 100; i++) {
      assertThat(e.sample(a, 1.0)).isEqualTo(e.sample(b));
    }
  }

  @Test
  void sample_withScaleZero_isThePosteriorMeanLogit() {
    Estimate e = new Estimate(0.3, 1.7, 0.55, 0, 0, 10);

    assertThat(e.sample(new SplittableRandom(1), 0)).isEqualTo(QualityModel.sigmoid(0.3));
  }

  @Test
  void sample_withSmallerScale_spreadsLess() {
    Estimate e = new Estimate(0, 4, 0.5, 0, 0, 1);
    SplittableRandom random = new SplittableRandom(7);

    double wide = spread(e, random, 1.0);
    double narrow = spread(e, random, 0.25);

    assertThat(narrow).isLessThan(wide / 2);
  }

  private static double spread(Estimate e, SplittableRandom random, double scale) {
    double sum = 0;
    double sumSq = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
      double x = e.sample(random, scale);
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / n;
    return Math.sqrt(sumSq / n - mean * mean);
  }
}
