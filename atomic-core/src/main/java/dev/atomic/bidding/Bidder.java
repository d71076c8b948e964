package dev.atomic.bidding;

import dev.atomic.task.Microtask;
import java.util.Optional;

/**
 * Anything that can serve microtasks: an LLM endpoint, a local model, an adaptive head, a replayed model.
 *
 * <p>The exchange asks each eligible bidder for a {@link Bid} and awards the microtask to the best adjusted bid; the
 * winner then {@link #serve serves} it. Both calls are guarded: a bidder that throws, is late or bids nonsense is
 * excluded from that auction and the decision says why.
 */
public interface Bidder {

  /** A stable, unique name; estimates and decisions refer to the bidder by it. */
  String id();

  /** Where this bidder runs, for data policies. Local and sovereign unless overridden. */
  default BidderProfile profile() {
    return BidderProfile.local();
  }

  /**
   * Whether {@link #bid} is cheap and never blocks, so the exchange may call it on the caller's thread instead of
   * forking a virtual thread. Only in-process bidders that answer from memory should say yes: an inline bidder that
   * blocks delays the whole auction.
   */
  default boolean bidsInline() {
    return false;
  }

  /**
   * Whether {@link #serve} answers from memory and never blocks (rules, lookups, replays), so the exchange may call it
   * on the caller's thread instead of a virtual thread bounded by the attempt timeout. A bidder that says yes gives up
   * that timeout: say yes only for answers computed in microseconds.
   */
  default boolean servesInline() {
    return false;
  }

  /** This bidder's claim for the microtask, or empty to abstain. */
  Optional<Bid> bid(Microtask task) throws Exception;

  /** Serves the microtask this bidder has won. */
  Answer serve(Microtask task) throws Exception;
}
