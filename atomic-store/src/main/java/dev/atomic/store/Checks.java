package dev.atomic.store;

import java.util.Objects;

/** Argument checks shared by the entry records, with messages that name the bad value. */
final class Checks {

  private Checks() {}

  static String id(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > 200) {
      throw new IllegalArgumentException(name + " must be at most 200 characters, was " + value.length()
          + " ('" + value.substring(0, 40) + "...')");
    }
    return value;
  }

  static String optionalId(String name, String value) {
    return value == null ? null : id(name, value);
  }

  static double finiteNonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
    return value;
  }
}
