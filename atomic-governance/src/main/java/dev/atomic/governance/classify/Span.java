package dev.atomic.governance.classify;

import java.util.Objects;

/**
 * One detected value: where it is in the scanned text and what it is.
 *
 * @param dataClass the data class, such as {@code pci.card}
 * @param detector which check found it, such as {@code luhn} or {@code uk.nino}, for people reading a report
 * @param start index of the first character in the text
 * @param end index after the last character
 */
public record Span(String dataClass, String detector, int start, int end) {

  public Span {
    Objects.requireNonNull(dataClass, "dataClass");
    Objects.requireNonNull(detector, "detector");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("span must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
    }
  }

  /** The detected value itself. */
  public String in(CharSequence text) {
    return text.subSequence(start, end).toString();
  }

  boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
