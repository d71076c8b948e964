package dev.atomic.models.llm;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential such as an API key. Its {@code toString()} shows only where it came from, never the value, so a secret
 * inside a record, a log line or an exception message stays hidden; {@link #reveal()} is the one way to read it.
 */
public final class Secret {

  private final String value;
  private final String source;

  private Secret(String value, String source) {
    this.value = value;
    this.source = source;
  }

  /**
   * A secret with its value and a description of where it came from ({@code env ATOMIC_OPENAI_API_KEY}).
   *
   * @throws IllegalArgumentException when the value is blank; the message names the source, not the value
   */
  public static Secret of(String value, String source) {
    Objects.requireNonNull(source, "source");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the secret from " + source + " is empty");
    }
    return new Secret(value.strip(), source);
  }

  /** The value itself; hand it only to the code that sends it. */
  public String reveal() {
    return value;
  }

  /** Where the secret came from. */
  public String source() {
    return source;
  }

  /** The text with every occurrence of this secret replaced by a mask. */
  public String scrub(String text) {
    return text == null ? null : text.replace(value, "****");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[**** from " + source + "]";
  }
}
