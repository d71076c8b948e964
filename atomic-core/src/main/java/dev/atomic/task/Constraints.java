package dev.atomic.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The hard limits a microtask puts on any award: no bid that breaks one of them can win.
 *
 * @param maxCostUsd the most the caller will pay for this microtask, in USD; {@code +Infinity} for no limit
 * @param latencySlo the longest expected latency the caller accepts; {@code null} for none
 * @param minQuality the lowest acceptable expected quality (probability of an acceptable result), in [0, 1]
 * @param deadline the instant after which the result is worthless; {@code null} for none
 */
public record Constraints(double maxCostUsd, Duration latencySlo, double minQuality, Instant deadline) {

  private static final Constraints NONE = new Constraints(Double.POSITIVE_INFINITY, null, 0.0, null);

  public Constraints {
    if (Double.isNaN(maxCostUsd) || maxCostUsd < 0) {
      throw new IllegalArgumentException("maxCostUsd must be >= 0 (or +Infinity for no limit), was " + maxCostUsd);
    }
    if (latencySlo != null && (latencySlo.isNegative() || latencySlo.isZero())) {
      throw new IllegalArgumentException("latencySlo must be positive, was " + latencySlo);
    }
    if (!(minQuality >= 0 && minQuality <= 1)) {
      throw new IllegalArgumentException("minQuality must be in [0, 1], was " + minQuality);
    }
  }

  /** No limits at all. */
  public static Constraints none() {
    return NONE;
  }

  public Constraints withMaxCostUsd(double usd) {
    return new Constraints(usd, latencySlo, minQuality, deadline);
  }

  public Constraints withLatencySlo(Duration slo) {
    return new Constraints(maxCostUsd, Objects.requireNonNull(slo, "slo"), minQuality, deadline);
  }

  public Constraints withMinQuality(double quality) {
    return new Constraints(maxCostUsd, latencySlo, quality, deadline);
  }

  public Constraints withDeadline(Instant at) {
    return new Constraints(maxCostUsd, latencySlo, minQuality, Objects.requireNonNull(at, "deadline"));
  }
}
