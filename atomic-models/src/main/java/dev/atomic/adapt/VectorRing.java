package dev.atomic.adapt;

import java.util.Arrays;

/**
 * A bounded store of unit vectors, quantised to one signed byte per dimension with one scale per vector (a quarter of
 * the memory of floats, and cosine similarity within about 1% of the exact value), that forgets the oldest vector when
 * full. Slots are numbered 0..capacity-1; callers keep their own payload per slot. Not thread-safe.
 *
 * <p>The codes are held in blocks of {@link #BLOCK} consecutive slots, each block dimension by dimension (the codes of
 * dimension {@code i} of the block's slots side by side), not vector by vector: a {@link #nearest} scan then adds one
 * dimension of a block at a time, a loop over contiguous bytes with no reduction that the JIT compiles to SIMD
 * instructions, where a dot product per vector stays scalar (the JIT does not vectorise float sums, whose order it must
 * keep), and it reads each block's bytes in one sequential sweep. Each slot's sum is still made of the same float
 * operations in the same order as {@link #similarity}, so the scan's similarities, and so the neighbours found, are bit
 * for bit those of one dot product per slot. The saved state ({@link #codesCopy}, {@link #restore}) keeps the
 * vector-by-vector layout.
 */
final class VectorRing {

  /** Slots per block (the last one may hold fewer): four float sums of this many slots stay in the L1 cache. */
  static final int BLOCK = 512;

  private final int dimension;
  private final int capacity;
  private final byte[] codes;
  private final float[] scales;
  private final int block;
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
    this.block = Math.min(BLOCK, capacity);
  }

  static VectorRing restore(int dimension, int capacity, byte[] codes, float[] scales, int size, int next) {
    VectorRing ring = new VectorRing(dimension, capacity);
    if (codes.length != ring.codes.length || scales.length != capacity || size < 0 || size > capacity || next < 0
        || next >= capacity) {
      throw new IllegalArgumentException("vector store state is inconsistent: " + codes.length + " codes, "
          + scales.length + " scales, size " + size + ", next " + next + " for capacity " + capacity
          + " x dimension " + dimension);
    }
    for (int slot = 0; slot < capacity; slot++) {
      for (int i = 0; i < dimension; i++) {
        ring.codes[ring.at(slot, i)] = codes[slot * dimension + i];
      }
    }
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

  /** The codes vector by vector ({@code [slot * dimension + i]}), the layout of the saved state. */
  byte[] codesCopy() {
    byte[] bySlot = new byte[codes.length];
    for (int slot = 0; slot < capacity; slot++) {
      for (int i = 0; i < dimension; i++) {
        bySlot[slot * dimension + i] = codes[at(slot, i)];
      }
    }
    return bySlot;
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
    float scale = max == 0 ? 0 : max / 127f;
    for (int i = 0; i < dimension; i++) {
      codes[at(slot, i)] = scale == 0 ? 0 : (byte) Math.round(v[i] / scale);
    }
    scales[slot] = scale;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
    return slot;
  }

  /**
   * Dot product of {@code q} with the vector in {@code slot}; cosine similarity for unit vectors.
   *
   * <p>The reference for {@link #nearest}'s scan, which makes the same float operations in the same order: four sums
   * over the dimensions {@code i}, {@code i + 1}, {@code i + 2}, {@code i + 3} of each group of four (four independent
   * sums, so that the additions need not wait for each other), the dimensions left over added to the first.
   */
  double similarity(float[] q, int slot) {
    check(q);
    int first = slot - slot % block;
    int width = width(first);
    int base = first * dimension + slot - first;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < dimension; i += 4) {
      s0 += q[i] * codes[base + i * width];
      s1 += q[i + 1] * codes[base + (i + 1) * width];
      s2 += q[i + 2] * codes[base + (i + 2) * width];
      s3 += q[i + 3] * codes[base + (i + 3) * width];
    }
    for (; i < dimension; i++) {
      s0 += q[i] * codes[base + i * width];
    }
    return ((s0 + s1) + (s2 + s3)) * scales[slot];
  }

  /**
   * The slots of the {@code k} vectors most similar to {@code q}, most similar first (the lower slot first among
   * equals); {@code similarities} receives their similarities. Returns fewer when fewer are stored.
   *
   * <p>Hot path: a k-NN prediction scans every stored vector. Slots are scored a block at a time, dimension by
   * dimension, in the order {@link #similarity} adds them.
   */
  int[] nearest(float[] q, int k, double[] similarities) {
    check(q);
    int n = Math.min(k, size);
    int[] best = new int[n];
    double[] bestSim = new double[n];
    Arrays.fill(bestSim, Double.NEGATIVE_INFINITY);
    if (n == 0) {
      return best;
    }
    float[] s0 = new float[block];
    float[] s1 = new float[block];
    float[] s2 = new float[block];
    float[] s3 = new float[block];
    for (int from = 0; from < size; from += block) {
      int count = Math.min(block, size - from);
      int width = width(from);
      int base = from * dimension;
      Arrays.fill(s0, 0, count, 0f);
      Arrays.fill(s1, 0, count, 0f);
      Arrays.fill(s2, 0, count, 0f);
      Arrays.fill(s3, 0, count, 0f);
      int i = 0;
      for (; i + 3 < dimension; i += 4) {
        addScaled(s0, q[i], base + i * width, count);
        addScaled(s1, q[i + 1], base + (i + 1) * width, count);
        addScaled(s2, q[i + 2], base + (i + 2) * width, count);
        addScaled(s3, q[i + 3], base + (i + 3) * width, count);
      }
      for (; i < dimension; i++) {
        addScaled(s0, q[i], base + i * width, count);
      }
      for (int j = 0; j < count; j++) {
        double s = ((s0[j] + s1[j]) + (s2[j] + s3[j])) * scales[from + j];
        if (s > bestSim[n - 1]) {
          int at = n - 1;
          while (at > 0 && bestSim[at - 1] < s) {
            bestSim[at] = bestSim[at - 1];
            best[at] = best[at - 1];
            at--;
          }
          bestSim[at] = s;
          best[at] = from + j;
        }
      }
    }
    System.arraycopy(bestSim, 0, similarities, 0, n);
    return best;
  }

  /** {@code sums[j] += x * codes[offset + j]} for the first {@code count} sums: the loop the JIT vectorises. */
  private void addScaled(float[] sums, float x, int offset, int count) {
    for (int j = 0; j < count; j++) {
      sums[j] += x * codes[offset + j];
    }
  }

  /** Where dimension {@code i} of the vector in {@code slot} is held. */
  private int at(int slot, int i) {
    int first = slot - slot % block;
    return first * dimension + i * width(first) + slot - first;
  }

  /** Slots in the block that starts at slot {@code first}: {@link #block}, fewer in a last, partial block. */
  private int width(int first) {
    return Math.min(block, capacity - first);
  }

  private void check(float[] v) {
    if (v.length != dimension) {
      throw new IllegalArgumentException("vector has dimension " + v.length + ", this store holds " + dimension);
    }
  }
}
