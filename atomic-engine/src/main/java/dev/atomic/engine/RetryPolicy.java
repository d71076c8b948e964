package dev.atomic.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a step's microtask is auctioned again after every bid failed, and how long to wait in between. The exchange
 * already escalates to the next bid within one attempt; a retry is a fresh auction, for failures that pass.
 *
 * @param maxAttempts how many auctions in all, at least 1
 * @param backoff the pause before each new attempt, zero or more
 */
public record RetryPolicy(int maxAttempts, Duration backoff) {

  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("retry maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(backoff, "backoff");
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("retry backoff must not be negative, was " + backoff);
    }
  }

  /** One attempt, no retry. */
  public static RetryPolicy none() {
    return NONE;
  }
}
