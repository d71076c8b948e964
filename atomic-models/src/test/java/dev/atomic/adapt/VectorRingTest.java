package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorRingTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 384})
  void similarity_anyDimension_isTheDotProductWithinQuantisationError(int dimension) {
    SplittableRandom random = new SplittableRandom(11);
    VectorRing ring = new VectorRing(dimension, 50);
    float[][] stored = new float[50][];
    for (int i = 0; i < stored.length; i++) {
      stored[i] = unit(random, dimension);
      ring.add(stored[i]);
    }
    float[] q = unit(random, dimension);
    for (int slot = 0; slot < stored.length; slot++) {
      double exact = 0;
      for (int i = 0; i < dimension; i++) {
        exact += (double) q[i] * stored[slot][i];
      }
      assertThat(ring.similarity(q, slot)).isCloseTo(exact, within(0.02));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 384})
  void nearest_storedVector_isFoundFirst(int dimension) {
    SplittableRandom random = new SplittableRandom(3);
    VectorRing ring = new VectorRing(dimension, 100);
    float[] target = null;
    for (int i = 0; i < 100; i++) {
      float[] v = unit(random, dimension);
      ring.add(v);
      if (i == 42) {
        target = v;
      }
    }
    double[] sims = new double[3];
    int[] best = ring.nearest(target, 3, sims);

    assertThat(best[0]).isEqualTo(42);
    assertThat(sims[0]).isGreaterThanOrEqualTo(sims[1]).isCloseTo(1.0, within(0.02));
  }

  private static float[] unit(SplittableRandom random, int dimension) {
    float[] v = new float[dimension];
    double norm = 0;
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < dimension; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
