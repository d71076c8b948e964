package dev.atomic.governance.redact;

import java.util.Map;

/**
 * An input with its sensitive values replaced, and the placeholders to put them back.
 *
 * @param value the redacted input, of the same shape as the original
 * @param originals each placeholder ({@code <EMAIL_1>}) and the value it stands for
 */
public record Redacted(Object value, Map<String, String> originals) {

  public Redacted {
    originals = Map.copyOf(originals);
  }

  /** Puts the original values back wherever a placeholder appears, in any order and any number of times. */
  public String restore(String text) {
    return Placeholders.restore(text, originals);
  }

  /**
   * Like {@link #restore(String)}, for every string inside a list, set, map or record output; values of other types are
   * returned as they are.
   */
  public Object restoreAll(Object output) {
    return originals.isEmpty() ? output : Structures.rewriteLeniently(output, this::restore);
  }
}
