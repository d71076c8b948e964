package dev.atomic.exchange;

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
 */
public record Attempt(int number, String arm, Status status, String detail, double costUsd, double latencyMs) {

  public Attempt {
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
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
