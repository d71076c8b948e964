package dev.atomic.bench.routing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Principal components of a set of vectors, found by seeded subspace iteration on their covariance; projects a vector
 * onto the top components, each standardised and the whole scaled by {@code 1/sqrt(k)}, so a typical projected vector
 * has length about 1 whatever {@code k} is (which keeps the estimator's feature prior meaningful).
 */
final class Pca {

  private static final int ITERATIONS = 80;

  private final double[] mean;
  private final double[][] components;
  private final double[] scale;

  private Pca(double[] mean, double[][] components, double[] scale) {
    this.mean = mean;
    this.components = components;
    this.scale = scale;
  }

  /** Fits the top {@code k} components of the vectors. */
  static Pca fit(List<float[]> vectors, int k, long seed) {
    if (vectors.size() < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 vectors, got " + vectors.size());
    }
    int d = vectors.getFirst().length;
    if (k < 1 || k > d) {
      throw new IllegalArgumentException("PCA dimension must be in [1, " + d + "], was " + k);
    }
    double[] mean = new double[d];
    for (float[] v : vectors) {
      for (int i = 0; i < d; i++) {
        mean[i] += v[i];
      }
    }
    for (int i = 0; i < d; i++) {
      mean[i] /= vectors.size();
    }
    double[][] cov = new double[d][d];
    double[] x = new double[d];
    for (float[] v : vectors) {
      for (int i = 0; i < d; i++) {
        x[i] = v[i] - mean[i];
      }
      for (int i = 0; i < d; i++) {
        double xi = x[i];
        double[] row = cov[i];
        for (int j = i; j < d; j++) {
          row[j] += xi * x[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        cov[i][j] /= vectors.size() - 1;
        cov[j][i] = cov[i][j];
      }
    }
    double[][] q = new double[k][d];
    SplittableRandom random = new SplittableRandom(seed);
    for (double[] c : q) {
      for (int i = 0; i < d; i++) {
        c[i] = random.nextGaussian();
      }
    }
    orthonormalise(q);
    for (int it = 0; it < ITERATIONS; it++) {
      double[][] z = new double[k][];
      for (int c = 0; c < k; c++) {
        z[c] = times(cov, q[c]);
      }
      orthonormalise(z);
      q = z;
    }
    double[] scale = new double[k];
    for (int c = 0; c < k; c++) {
      double variance = dot(q[c], times(cov, q[c]));
      scale[c] = 1 / Math.sqrt(Math.max(variance, 1e-12) * k);
    }
    return new Pca(mean, q, scale);
  }

  int dimension() {
    return components.length;
  }

  double[] project(float[] v) {
    double[] out = new double[components.length];
    for (int c = 0; c < components.length; c++) {
      double[] comp = components[c];
      double s = 0;
      for (int i = 0; i < comp.length; i++) {
        s += (v[i] - mean[i]) * comp[i];
      }
      out[c] = s * scale[c];
    }
    return out;
  }

  private static double[] times(double[][] m, double[] v) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = dot(m[i], v);
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Modified Gram–Schmidt, in place. */
  private static void orthonormalise(double[][] vectors) {
    for (int c = 0; c < vectors.length; c++) {
      double[] v = vectors[c];
      for (int p = 0; p < c; p++) {
        double proj = dot(v, vectors[p]);
        for (int i = 0; i < v.length; i++) {
          v[i] -= proj * vectors[p][i];
        }
      }
      double norm = Math.sqrt(dot(v, v));
      for (int i = 0; i < v.length; i++) {
        v[i] = norm == 0 ? 0 : v[i] / norm;
      }
    }
  }
}
