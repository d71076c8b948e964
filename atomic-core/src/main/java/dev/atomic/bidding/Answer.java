package dev.atomic.bidding;

import java.time.Duration;
import java.util.Objects;

/**
 * What a bidder returned when it served a microtask, with what it actually cost and used.
 *
 * @param output the value produced (the typed output, or raw text for the output layer to parse)
 * @param costUsd what the call actually cost, in USD
 * @param latency how long it took
 * @param confidence the model's own confidence in this output, in [0, 1], or NaN when it has none
 * @param usage the model called and its tokens, {@link Usage#UNKNOWN} when the bidder does not know them
 */
public record Answer(Object output, double costUsd, Duration latency, double confidence, Usage usage) {

  public Answer {
    if (!(costUsd >= 0) || Double.isInfinite(costUsd)) {
      throw new IllegalArgumentException("answer cost must be a finite amount >= 0 USD, was " + costUsd);
    }
    Objects.requireNonNull(latency, "latency");
    if (!Double.isNaN(confidence) && !(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("answer confidence must be in [0, 1] or NaN, was " + confidence);
    }
    Objects.requireNonNull(usage, "usage (Usage.UNKNOWN when not known)");
  }

  /** An answer whose usage is not known. */
  public Answer(Object output, double costUsd, Duration latency, double confidence) {
    this(output, costUsd, latency, confidence, Usage.UNKNOWN);
  }

  /** An answer without a confidence, whose usage is not known. */
  public static Answer of(Object output, double costUsd, Duration latency) {
    return new Answer(output, costUsd, latency, Double.NaN, Usage.UNKNOWN);
  }

  /** The same answer, having used {@code value}. */
  public Answer withUsage(Usage value) {
    return new Answer(output, costUsd, latency, confidence, value);
  }
}
