package dev.atomic.server;

import java.util.Objects;

/**
 * A password or API key from the configuration. Its {@link #toString()} never shows the value, so a config that is
 * logged, printed or put in an exception message leaks nothing; only {@link #reveal()} gives it out, at the one place
 * that must hand it to a driver or an exporter.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    return new Secret(value);
  }

  /** The value itself; call only where it is handed over, never to log or print it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "******";
  }
}
