package dev.atomic.task;

import java.util.Arrays;

/**
 * An immutable context vector that describes a microtask's input (an embedding, hand-made signals), used by contextual
 * estimators. Equality is by value.
 */
public final class Features {

  private static final Features NONE = new Features(new double[0]);

  private final double[] values;

  private Features(double[] values) {
    this.values = values;
  }

  /** No context. */
  public static Features none() {
    return NONE;
  }

  /** A copy of the given values; every value must be finite. */
  public static Features of(double... values) {
    double[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      if (!Double.isFinite(copy[i])) {
        throw new IllegalArgumentException("feature " + i + " is " + copy[i] + "; features must be finite");
      }
    }
    return copy.length == 0 ? NONE : new Features(copy);
  }

  /** A copy of float values, as embedding models return them. */
  public static Features of(float[] values) {
    double[] copy = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i];
    }
    return of(copy);
  }

  public int dimension() {
    return values.length;
  }

  public double get(int index) {
    return values[index];
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  /** A copy of the values. */
  public double[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Features other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Features[dimension=" + values.length + "]";
  }
}
