package dev.atomic.bidding;

import java.time.Duration;
import java.util.Objects;

/**
 * A bidder's claim about one microtask: how likely its result is acceptable, what it will cost, how long it will take.
 *
 * <p>A bid is a claim, not a fact. The exchange checks it ({@link #problem()}) and then adjusts it by the bidder's track
 * record before it is scored, so a bidder gains nothing by overstating.
 *
 * @param quality probability that the result is acceptable, in [0, 1]
 * @param uncertainty the bidder's own standard deviation around {@code quality}, in [0, 0.5]; 0 when it does not know
 * @param costUsd expected cost in USD, at least 0
 * @param latency expected latency, not negative
 * @param rationale a short human-readable reason, shown in decisions
 */
public record Bid(double quality, double uncertainty, double costUsd, Duration latency, String rationale) {

  public Bid {
    Objects.requireNonNull(latency, "latency");
    rationale = rationale == null ? "" : rationale;
  }

  public static Bid of(double quality, double costUsd, Duration latency) {
    return new Bid(quality, 0, costUsd, latency, "");
  }

  public Bid withRationale(String why) {
    return new Bid(quality, uncertainty, costUsd, latency, why);
  }

  /** What makes this bid nonsense, or {@code null} when it is well formed. */
  public String problem() {
    if (!(quality >= 0 && quality <= 1)) {
      return "quality " + quality + " is outside [0, 1]";
    }
    if (!(uncertainty >= 0 && uncertainty <= 0.5)) {
      return "uncertainty " + uncertainty + " is outside [0, 0.5]";
    }
    if (!(costUsd >= 0) || Double.isInfinite(costUsd)) {
      return "cost " + costUsd + " USD is not a finite amount >= 0";
    }
    if (latency.isNegative()) {
      return "latency " + latency + " is negative";
    }
    return null;
  }
}
