package dev.atomic.governance.policy;

import dev.atomic.AtomicException;

/** A policy document is not valid; the message names the line and, when known, the rule. */
public final class PolicyFormatException extends AtomicException {

  private final int line;

  public PolicyFormatException(int line, String message, Throwable cause) {
    super((line > 0 ? "policy line " + line + ": " : "policy: ") + message, cause);
    this.line = line;
  }

  /** The 1-based line of the problem, or 0 when unknown. */
  public int line() {
    return line;
  }
}
