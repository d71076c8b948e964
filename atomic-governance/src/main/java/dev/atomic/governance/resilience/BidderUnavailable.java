package dev.atomic.governance.resilience;

import dev.atomic.AtomicException;

/**
 * A bidder was not called: its circuit is open, its bulkhead is full, or its call timed out. Thrown from {@code bid}
 * too, so the exchange excludes the bidder from the auction and records this message as the reason.
 */
public final class BidderUnavailable extends AtomicException {

  public BidderUnavailable(String message) {
    super(message);
  }

  public BidderUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
