package dev.atomic.exchange;

import java.util.Objects;

/**
 * Why a bidder or strategy took no part in an auction, or could not win it.
 *
 * @param arm the bidder or strategy id
 * @param reason the rule that excluded it
 * @param detail the values behind the rule, for a person to read
 */
public record Exclusion(String arm, Reason reason, String detail) {

  public Exclusion {
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** The rules that exclude, in the order the exchange applies them. */
  public enum Reason {
    /** A data policy forbids this bidder to see the microtask; it was never asked to bid. */
    POLICY,
    /** The bidder chose not to bid. */
    ABSTAINED,
    /** The bidder threw while bidding. */
    FAILED,
    /** The bidder did not bid before the bid deadline. */
    LATE,
    /** The bid was nonsense (NaN, negative cost, quality outside [0, 1]). */
    INVALID_BID,
    /** A strategy could not be offered because one of its bidders is out of this auction. */
    INCOMPLETE,
    /** Its expected cost is above the microtask's maximum. */
    COST,
    /** Its expected latency is above the microtask's latency SLO. */
    LATENCY,
    /** Its expected quality is below the microtask's minimum. */
    QUALITY,
    /** The tenant's paced budget has no room for its expected cost now. */
    BUDGET
  }
}
