package dev.atomic.adapt;

import java.util.Arrays;

/**
 * A bounded store of unit vectors, quantised to one signed byte per dimension with one scale per vector (a quarter of
 * the memory of floats, and cosine similarity within about 1% of the exact value), that forgets the oldest vector when
 * full. Slots are numbered 0..capacity-1; callers keep their own payload per slot. Not thread-safe.
 */
final class VectorRing {

  private final int dimension;
  private final int capacity;
  private final byte[] codes;
  private final float[] scales;
  private int size;
  private int next;

  VectorRing(int dimension, int capacity) {
    if (dimension < 1) {
      throw new IllegalArgumentException("vector dimension must be at least 1, was " + dimension);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1 vector, was " + capacity);
    }
    if ((long) dimension * capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("capacity " + capacity + " x dimension " + dimension + " is too large");
    }
    this.dimension = dimension;
    this.capacity = capacity;
    this.codes = new byte[dimension * capacity];
    this.scales = new float[capacity];
  }

  static VectorRing restore(int dimension, int capacity, byte[] codes, float[] scales, int size, int next) {
    VectorRing ring = new VectorRing(dimension, capacity);
    if (codes.length != ring.codes.length || scales.length != capacity || size < 0 || size > capacity || next < 0
        || next >= capacity) {
      throw new IllegalArgumentException("vector store state is inconsistent: " + codes.length + " codes, "
          + scales.length + " scales, size " + size + ", next " + next + " for capacity " + capacity
          + " x dimension " + dimension);
    }
    System.arraycopy(codes, 0, ring.codes, 0, codes.length);
    System.arraycopy(scales, 0, ring.scales, 0, capacity);
    ring.size = size;
    ring.next = next;
    return ring;
  }

  int dimension() {
    return dimension;
  }

  int capacity() {
    return capacity;
  }

  int size() {
    return size;
  }

  int next() {
    return next;
  }

  byte[] codesCopy() {
    return codes.clone();
  }

  float[] scalesCopy() {
    return scales.clone();
  }

  /** Bytes held by the vectors. */
  long bytes() {
    return codes.length + 4L * scales.length;
  }

  /** Stores the vector, overwriting the oldest when full; returns its slot. */
  int add(float[] v) {
    check(v);
    float max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    int slot = next;
    int base = slot * dimension;
    float scale = max == 0 ? 0 : max / 127f;
    for (int i = 0; i < dimension; i++) {
      codes[base + i] = scale == 0 ? 0 : (byte) Math.round(v[i] / scale);
    }
    scales[slot] = scale;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
    return slot;
  }

  /**
   * Dot product of {@code q} with the vector in {@code slot}; cosine similarity for unit vectors.
   *
   * <p>Hot path: a k-NN prediction runs this over every stored vector. Four independent sums let the CPU overlap the
   * additions; one running sum makes each addition wait for the previous one (the JIT may not reorder float sums),
   * which made a full store of 10,000 vectors cost about 5 ms per prediction.
   */
  double similarity(float[] q, int slot) {
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
    return ((s0 + s1) + (s2 + s3)) * scales[slot];
  }

  /**
   * The slots of the {@code k} vectors most similar to {@code q}, most similar first; {@code similarities} receives
   * their similarities. Returns fewer when fewer are stored.
   */
  int[] nearest(float[] q, int k, double[] similarities) {
    check(q);
    int n = Math.min(k, size);
    int[] best = new int[n];
    double[] bestSim = new double[n];
    Arrays.fill(bestSim, Double.NEGATIVE_INFINITY);
    for (int slot = 0; slot < size; slot++) {
      double s = similarity(q, slot);
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

  private void check(float[] v) {
    if (v.length != dimension) {
      throw new IllegalArgumentException("vector has dimension " + v.length + ", this store holds " + dimension);
    }
  }
}
