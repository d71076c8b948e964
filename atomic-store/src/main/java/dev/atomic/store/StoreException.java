package dev.atomic.store;

import dev.atomic.AtomicException;

/** Why the store could not do what was asked: bad input, an unknown id, or a database that failed. */
public final class StoreException extends AtomicException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
