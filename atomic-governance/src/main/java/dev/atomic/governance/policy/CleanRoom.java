package dev.atomic.governance.policy;

import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Exchange;
import dev.atomic.policy.Policy;
import java.util.List;
import java.util.Objects;

/**
 * Clean-room mode: no payload leaves the operator's control. Three layers, each enough on its own:
 * <ol>
 *   <li>admission: {@link #admit} refuses to wrap a bidder that is not sovereign, so a hosted adapter cannot be
 *       registered through it, and {@link #exchange} refuses to build when any registered bidder did not pass it;
 *   <li>the policy: the exchange runs with {@link DataPolicy#isCleanRoom() a clean-room policy}, so a non-sovereign
 *       bidder registered later (with {@link Exchange#register}) is never asked to bid;
 *   <li>the guard: every admitted bidder checks its profile again on each bid and serve call.
 * </ol>
 * No global state: clean-room mode belongs to the exchange built here, not to the process.
 */
public final class CleanRoom {

  private CleanRoom() {}

  /** Wraps a sovereign bidder in the clean-room guard; throws for any other. */
  public static Bidder admit(Bidder bidder) {
    Objects.requireNonNull(bidder, "bidder");
    if (bidder instanceof SovereignGuard) {
      return bidder;
    }
    if (bidder.profile() == null || !bidder.profile().sovereign()) {
      throw new CleanRoomViolation("clean-room mode cannot admit bidder '" + bidder.id() + "' (" + bidder.profile()
          + "): only sovereign bidders may be registered");
    }
    return new SovereignGuard(bidder);
  }

  /**
   * Builds a clean-room exchange from the builder (clock, seed, budgets, listeners...) and the bidders, each admitted;
   * the policy is the clean-room policy combined with {@code extra}.
   *
   * @throws CleanRoomViolation when a bidder is not sovereign, or the builder already held a bidder not admitted here
   */
  public static Exchange exchange(Exchange.Builder builder, List<? extends Bidder> bidders, Policy extra) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(extra, "extra");
    List<Bidder> admitted = bidders.stream().map(CleanRoom::admit).toList();
    admitted.forEach(builder::bidder);
    Exchange exchange = builder.policy(DataPolicy.cleanRoom().and(extra)).build();
    List<String> unguarded = exchange.bidders().stream()
        .filter(b -> !(b instanceof SovereignGuard))
        .map(Bidder::id)
        .toList();
    if (!unguarded.isEmpty()) {
      exchange.close();
      throw new CleanRoomViolation("clean-room exchange refused bidders " + unguarded
          + ": they were added to the builder directly instead of through CleanRoom");
    }
    return exchange;
  }
}
