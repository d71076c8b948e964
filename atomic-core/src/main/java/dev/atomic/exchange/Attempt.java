package dev.atomic.exchange;

import dev.atomic.bidding.Usage;
import java.util.Objects;

/**
 * One try at serving an awarded microtask.
 *
 * @param number 1 for the winner, 2 for the first escalation, and so on
 * @param arm the bidder or strategy that tried
 * @param status how it ended
 * @param detail what went wrong, or what a cascade did
 * @param costUsd what the try cost (the reserved amount when the real cost is unknown)
 * @param latencyMs how long it took
 * @param usage the model called and its tokens; for a cascade, every member that answered together; {@link
 *     Usage#UNKNOWN} when the bidder did not say or did not answer
 */
public record Attempt(int number, String arm, Status status, String detail, double costUsd, double latencyMs,
    Usage usage) {

  public Attempt {
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(usage, "usage (Usage.UNKNOWN when not known)");
  }

  /** A try whose usage is not known. */
  public Attempt(int number, String arm, Status status, String detail, double costUsd, double latencyMs) {
    this(number, arm, status, detail, costUsd, latencyMs, Usage.UNKNOWN);
  }

  /** How an attempt ended. */
  public enum Status {
    SUCCEEDED,
    /** The bidder threw. */
    FAILED,
    /** The bidder did not answer within the attempt timeout. */
    TIMED_OUT,
    /** The caller's check rejected the output. */
    REJECTED,
    /** The tenant's budget had no room for this escalation. */
    OVER_BUDGET
  }
}
