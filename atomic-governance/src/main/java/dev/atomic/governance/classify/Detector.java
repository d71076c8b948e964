package dev.atomic.governance.classify;

import java.util.function.Consumer;

/**
 * Finds values of one kind in a text. Implementations must run in time linear in the text and never throw on any input.
 */
@FunctionalInterface
public interface Detector {

  /** Reports each value found in {@code text}, in any order; spans may overlap those of other detectors. */
  void scan(String text, Consumer<Span> found);
}
