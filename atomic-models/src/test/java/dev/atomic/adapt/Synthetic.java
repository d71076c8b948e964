package dev.atomic.adapt;

import dev.atomic.models.embed.TextEmbedder;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded synthetic data for the heads: separable clusters of unit vectors, and an embedder over named texts. */
final class Synthetic {

  private Synthetic() {}

  /** A unit vector near the centre of {@code cls}: one hot on {@code cls}, plus seeded noise of size {@code noise}. */
  static float[] point(int dimension, int cls, double noise, SplittableRandom random) {
    float[] v = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) (noise * (random.nextDouble() * 2 - 1));
    }
    v[cls % dimension] += 1;
    return unit(v);
  }

  static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float inv = (float) (1 / Math.sqrt(n));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  /**
   * A deterministic embedder for tests: a text {@code "c<k> <anything>"} embeds near class {@code k}'s centre, with
   * noise seeded by the text, so the heads, not a real model, are under test.
   */
  static final class ClassEmbedder implements TextEmbedder {
    private final int dimension;
    private final Map<String, Integer> calls = new HashMap<>();

    ClassEmbedder(int dimension) {
      this.dimension = dimension;
    }

    @Override
    public String id() {
      return "synthetic-" + dimension;
    }

    @Override
    public int dimension() {
      return dimension;
    }

    @Override
    public synchronized float[] embed(String text) {
      calls.merge(text, 1, Integer::sum);
      int cls = text.startsWith("c") ? Integer.parseInt(text.substring(1).split(" ")[0]) : dimension - 1;
      return point(dimension, cls, 0.3, new SplittableRandom(text.hashCode()));
    }
  }
}
