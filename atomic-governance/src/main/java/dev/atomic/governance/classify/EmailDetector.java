package dev.atomic.governance.classify;

import java.util.function.Consumer;

/**
 * Finds e-mail addresses by expanding around each {@code @}: a local part of at most 64 characters before it and a
 * dotted domain of at most 253 characters after it, ending in an alphabetic top-level domain of two letters or more.
 *
 * <p>Each {@code @} costs at most 317 steps, so the scan is linear even on input made of {@code @} signs.
 */
final class EmailDetector implements Detector {

  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;

  @Override
  public void scan(String text, Consumer<Span> found) {
    int from = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int start = at;
      while (start > from && at - start < MAX_LOCAL && localChar(text.charAt(start - 1))) {
        start--;
      }
      while (start < at && text.charAt(start) == '.') {
        start++;
      }
      if (start == at) {
        continue;
      }
      int end = at + 1;
      while (end < text.length() && end - at - 1 < MAX_DOMAIN && domainChar(text.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      if (validDomain(text, at + 1, end) && !text.startsWith("..", start) && text.charAt(at - 1) != '.') {
        found.accept(new Span(DataClasses.EMAIL, "email", start, end));
        from = end;
      }
    }
  }

  private static boolean localChar(char c) {
    return Chars.digit(c) || Chars.upper(c) || Chars.lower(c) || c == '.' || c == '_' || c == '%' || c == '+'
        || c == '-';
  }

  private static boolean domainChar(char c) {
    return Chars.digit(c) || Chars.upper(c) || Chars.lower(c) || c == '.' || c == '-';
  }

  /** Labels of 1..63 letters, digits and inner hyphens, at least two of them, the last all letters and 2+ long. */
  private static boolean validDomain(String text, int from, int to) {
    int labels = 0;
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        int length = i - labelStart;
        if (length == 0 || length > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        if (i == to) {
          if (length < 2) {
            return false;
          }
          for (int k = labelStart; k < to; k++) {
            if (!Chars.upper(text.charAt(k)) && !Chars.lower(text.charAt(k))) {
              return false;
            }
          }
        }
        labelStart = i + 1;
      }
    }
    return labels >= 2;
  }
}
