package dev.atomic;

/**
 * The root of every exception Atomic throws on purpose. Messages say what was being done, with which values, and why it
 * failed, so that a log line alone is enough to act on.
 */
public class AtomicException extends RuntimeException {

  public AtomicException(String message) {
    super(message);
  }

  public AtomicException(String message, Throwable cause) {
    super(message, cause);
  }
}
