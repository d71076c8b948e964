package dev.atomic.governance.policy;

import dev.atomic.AtomicException;

/** Something tried to let a payload reach a bidder that is not sovereign while in clean-room mode. */
public final class CleanRoomViolation extends AtomicException {

  public CleanRoomViolation(String message) {
    super(message);
  }
}
