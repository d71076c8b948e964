package dev.atomic.governance.resilience;

import dev.atomic.AtomicException;

/**
 * Recorded against a bidder's circuit when its answer fails the well-formedness check. Never thrown to the exchange:
 * the answer, which was paid for, still goes back so that the exchange's own check rejects it, escalates, and charges
 * its real cost.
 */
final class MalformedOutput extends AtomicException {

  MalformedOutput(String message) {
    super(message);
  }
}
