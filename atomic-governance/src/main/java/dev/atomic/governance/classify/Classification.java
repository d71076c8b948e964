package dev.atomic.governance.classify;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a classifier found in one text.
 *
 * @param classes every data class present: the detected ones and those the caller declared
 * @param spans the detected values, in text order, without overlaps (a value found by two detectors is reported once,
 *     by the more specific one)
 */
public record Classification(Set<String> classes, List<Span> spans) {

  public Classification {
    classes = Set.copyOf(classes);
    spans = List.copyOf(spans);
  }

  /** The classes in alphabetical order, for stable display and audit records. */
  public List<String> sortedClasses() {
    return List.copyOf(new TreeSet<>(classes));
  }
}
