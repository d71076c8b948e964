package dev.atomic.governance.classify;

/** ASCII character tests shared by the scanners; non-ASCII letters count as word characters for boundaries. */
final class Chars {

  private Chars() {}

  static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean alnum(char c) {
    return digit(c) || upper(c) || lower(c) || (c > 127 && Character.isLetterOrDigit(c));
  }

  /** Whether position {@code i} starts a word: the text starts there or the character before is not alphanumeric. */
  static boolean startsWord(String text, int i) {
    return i == 0 || !alnum(text.charAt(i - 1));
  }

  /** Whether position {@code end} ends a word: the text ends there or the character at it is not alphanumeric. */
  static boolean endsWord(String text, int end) {
    return end >= text.length() || !alnum(text.charAt(end));
  }
}
