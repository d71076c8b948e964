package dev.atomic.output.parse;

/** Thrown inside the parser when the input breaks a {@link ParseLimits} bound; callers turn it into an error. */
final class TooLargeException extends RuntimeException {

  TooLargeException(String message) {
    super(message, null, false, false);
  }
}
