package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {

  @Test
  void fit_findsTheDirectionOfLargestSpread() {
    SplittableRandom random = new SplittableRandom(5);
    List<float[]> points = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      double t = random.nextGaussian();
      // spread 10 along (1, 1, 0), 1 along the other axes
      points.add(new float[] {(float) (10 * t + random.nextGaussian()), (float) (10 * t + random.nextGaussian()),
          (float) random.nextGaussian()});
    }
    Pca pca = Pca.fit(points, 1, 1);

    double along = pca.project(new float[] {10, 10, 0})[0];
    double across = pca.project(new float[] {10, -10, 0})[0];

    assertThat(Math.abs(along)).isGreaterThan(20 * Math.abs(across));
  }

  @Test
  void project_ofTrainingData_hasLengthAboutOne() {
    SplittableRandom random = new SplittableRandom(9);
    List<float[]> points = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      float[] v = new float[8];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) ((j + 1) * random.nextGaussian());
      }
      points.add(v);
    }
    Pca pca = Pca.fit(points, 4, 1);

    double meanSquaredLength = points.stream().mapToDouble(p -> {
      double[] x = pca.project(p);
      double s = 0;
      for (double xi : x) {
        s += xi * xi;
      }
      return s;
    }).average().orElseThrow();

    assertThat(meanSquaredLength).isCloseTo(1.0, within(0.05));
  }

  @Test
  void fit_withTooManyDimensions_isRejected() {
    assertThatThrownBy(() -> Pca.fit(List.of(new float[2], new float[2]), 3, 1))
        .hasMessage("PCA dimension must be in [1, 2], was 3");
  }
}
