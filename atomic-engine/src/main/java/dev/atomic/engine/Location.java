package dev.atomic.engine;

import java.util.Objects;

/**
 * Where a part of a pipeline definition was written: a file and line for YAML, the builder's name for Java.
 *
 * @param source the file name, or a description such as {@code builder 'email-triage'}
 * @param line the 1-based line, or 0 when unknown
 */
public record Location(String source, int line) {

  public Location {
    Objects.requireNonNull(source, "source");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, was " + line);
    }
  }

  @Override
  public String toString() {
    return line == 0 ? source : source + ":" + line;
  }
}
