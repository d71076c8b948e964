package dev.atomic.engine;

import dev.atomic.task.Constraints;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The limits a step puts on its microtasks' awards, mapped to core {@link Constraints} and data classes.
 *
 * @param maxCostUsd the most one microtask may cost, in USD; +Infinity for no limit
 * @param latencySlo the longest expected latency accepted, or {@code null}
 * @param minQuality the lowest acceptable expected quality, in [0, 1]
 * @param dataClasses what the input contains, for policies ({@code pii.email})
 */
public record StepConstraints(double maxCostUsd, Duration latencySlo, double minQuality, Set<String> dataClasses) {

  private static final StepConstraints NONE =
      new StepConstraints(Double.POSITIVE_INFINITY, null, 0, Set.of());

  public StepConstraints {
    // Core's Constraints checks the numbers with clear messages; build one now so bad values fail at definition time.
    new Constraints(maxCostUsd, latencySlo, minQuality, null);
    dataClasses = Set.copyOf(Objects.requireNonNull(dataClasses, "dataClasses"));
  }

  public static StepConstraints none() {
    return NONE;
  }

  /** The core constraints for one microtask with the given deadline (or {@code null}). */
  public Constraints toConstraints(Instant deadline) {
    return new Constraints(maxCostUsd, latencySlo, minQuality, deadline);
  }
}
