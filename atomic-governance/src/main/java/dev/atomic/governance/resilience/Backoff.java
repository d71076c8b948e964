package dev.atomic.governance.resilience;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits {@code min(max, initial * multiplier^(n-1))}, scaled by a
 * random factor in {@code [1 - jitter, 1 + jitter]} so that many clients failing together do not retry together.
 */
record Backoff(Duration initial, double multiplier, Duration max, double jitter) {

  Backoff {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("backoff initial wait must be positive, was " + initial);
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("backoff multiplier must be >= 1, was " + multiplier);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff max wait " + max + " must be >= the initial wait " + initial);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("backoff jitter must be in [0, 1), was " + jitter);
    }
  }

  /** The wait before retry number {@code attempt} (1 for the first retry), in milliseconds. */
  long waitMillis(int attempt, RandomGenerator random) {
    double base = Math.min(max.toMillis(), initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1)));
    double factor;
    synchronized (random) {
      factor = 1 + jitter * (2 * random.nextDouble() - 1);
    }
    return Math.max(1, Math.round(base * factor));
  }
}
