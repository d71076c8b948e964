package dev.atomic.server.api;

import java.time.InstantSource;

/**
 * One tenant's request allowance: {@code capacity} tokens, refilled at {@code ratePerSecond}; a request takes one. Time
 * comes from the injected clock, so tests drive it without sleeping.
 */
final class TokenBucket {

  private final double ratePerMilli;
  private final double capacity;
  private final InstantSource clock;
  private double tokens;
  private long lastMillis;

  TokenBucket(double ratePerSecond, int capacity, InstantSource clock) {
    this.ratePerMilli = ratePerSecond / 1000.0;
    this.capacity = capacity;
    this.clock = clock;
    this.tokens = capacity;
    this.lastMillis = clock.millis();
  }

  /** Takes a token and answers 0, or answers how many milliseconds until one is free (and takes nothing). */
  synchronized long tryTake() {
    long now = clock.millis();
    if (now > lastMillis) {
      tokens = Math.min(capacity, tokens + (now - lastMillis) * ratePerMilli);
      lastMillis = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerMilli));
  }
}
