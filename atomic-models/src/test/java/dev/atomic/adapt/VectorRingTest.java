package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /**
   * The blocked, dimension-by-dimension scan finds exactly the neighbours, and bit for bit the similarities, of the
   * scan it replaced (one four-sum dot product per vector over vector-by-vector codes, kept below as the reference),
   * including ties between duplicate vectors, partial blocks, a wrapped ring and dimensions not a multiple of four.
   */
  @ParameterizedTest
  @CsvSource({"384, 3000, 4000", "384, 2500, 1700", "7, 3000, 5000", "3, 40, 25", "1, 5, 9", "16, 1, 3",
      "384, 1024, 1024", "5, 1025, 1025"})
  void nearest_matchesTheVectorByVectorScanExactly(int dimension, int capacity, int added) {
    SplittableRandom random = new SplittableRandom(dimension * 31L + capacity);
    VectorRing ring = new VectorRing(dimension, capacity);
    float[][] seen = new float[added][];
    for (int a = 0; a < added; a++) {
      // Half the vectors repeat an earlier one, as a stream of e-mails repeats texts: ties in the similarity.
      seen[a] = a > 0 && random.nextBoolean() ? seen[random.nextInt(a)] : unit(random, dimension);
      ring.add(seen[a]);
    }
    byte[] codes = ring.codesCopy();
    float[] scales = ring.scalesCopy();
    for (int query = 0; query < 8; query++) {
      float[] q = query % 2 == 0 ? seen[random.nextInt(added)] : unit(random, dimension);
      for (int k : new int[] {1, 7, 50, capacity + 1}) {
        double[] sims = new double[Math.min(k, ring.size())];
        int[] slots = ring.nearest(q, k, sims);

        double[] expectedSims = new double[sims.length];
        int[] expected = referenceNearest(codes, scales, dimension, ring.size(), q, k,
            expectedSims);
        assertThat(slots).isEqualTo(expected);
        assertThat(sims).isEqualTo(expectedSims);
        for (int j = 0; j < slots.length; j++) {
          assertThat(ring.similarity(q, slots[j])).isEqualTo(sims[j]);
        }
      }
    }
  }

  @Test
  void restore_ofACopy_keepsTheCodesAndTheNeighbours() {
    SplittableRandom random = new SplittableRandom(5);
    VectorRing ring = new VectorRing(24, 300);
    for (int a = 0; a < 450; a++) {
      ring.add(unit(random, 24));
    }
    VectorRing copy = VectorRing.restore(24, 300, ring.codesCopy(), ring.scalesCopy(), ring.size(), ring.next());

    assertThat(copy.codesCopy()).isEqualTo(ring.codesCopy());
    float[] q = unit(random, 24);
    double[] sims = new double[9];
    double[] copySims = new double[9];
    assertThat(copy.nearest(q, 9, copySims)).isEqualTo(ring.nearest(q, 9, sims));
    assertThat(copySims).isEqualTo(sims);
  }

  @Test
  void codesCopy_isVectorByVector() {
    VectorRing ring = new VectorRing(3, 4);
    ring.add(new float[] {1, 0, -0.25f});
    ring.add(new float[] {0, -1, 0.75f});

    byte[] codes = ring.codesCopy();

    assertThat(codes).hasSize(12);
    assertThat(Arrays.copyOfRange(codes, 0, 6)).containsExactly(127, 0, -32, 0, -127, 95);
  }

  /** The scan {@link VectorRing#nearest} replaced, verbatim, over codes laid out vector by vector. */
  private static int[] referenceNearest(byte[] codes, float[] scales, int dimension, int size, float[] q, int k,
      double[] similarities) {
    int n = Math.min(k, size);
    int[] best = new int[n];
    double[] bestSim = new double[n];
    Arrays.fill(bestSim, Double.NEGATIVE_INFINITY);
    for (int slot = 0; slot < size; slot++) {
      int base = slot * dimension;
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      int i = 0;
      for (; i + 3 < dimension; i += 4) {
        s0 += q[i] * codes[base + i];
        s1 += q[i + 1] * codes[base + i + 1];
        s2 += q[i + 2] * codes[base + i + 2];
        s3 += q[i + 3] * codes[base + i + 3];
      }
      for (; i < dimension; i++) {
        s0 += q[i] * codes[base + i];
      }
      double s = ((s0 + s1) + (s2 + s3)) * scales[slot];
      if (n > 0 && s > bestSim[n - 1]) {
        int j = n - 1;
        while (j > 0 && bestSim[j - 1] < s) {
          bestSim[j] = bestSim[j - 1];
          best[j] = best[j - 1];
          j--;
        }
        bestSim[j] = s;
        best[j] = slot;
      }
    }
    System.arraycopy(bestSim, 0, similarities, 0, n);
    return best;
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
