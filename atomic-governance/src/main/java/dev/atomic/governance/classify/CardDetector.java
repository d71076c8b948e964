package dev.atomic.governance.classify;

import java.util.function.Consumer;

/**
 * Finds payment card numbers: 13 to 19 digits, optionally grouped by spaces or hyphens, starting with an issuer prefix
 * of a major network (Visa 4, Mastercard 51-55 and 2221-2720, American Express 34/37, Discover/UnionPay 6, JCB 35,
 * Diners 30/36/38) and passing the Luhn check.
 *
 * <p>The prefix rule halves false positives on random Luhn-valid numbers; cards of other networks are missed. A number
 * may start at any group of a longer run, so a card followed by an expiry year is still found.
 */
final class CardDetector implements Detector {

  @Override
  public void scan(String text, Consumer<Span> found) {
    int i = 0;
    while (i < text.length()) {
      if (!Chars.digit(text.charAt(i)) || !Chars.startsWord(text, i)) {
        i++;
        continue;
      }
      DigitGroups run = DigitGroups.read(text, i, " -");
      if (Chars.endsWord(text, run.end()) || run.count() > 1) {
        findIn(text, run, found);
      }
      i = run.end() + 1;
    }
  }

  /** Tries each group as a first group, extending over whole groups while the number can still be a card. */
  private static void findIn(String text, DigitGroups run, Consumer<Span> found) {
    int first = 0;
    while (first < run.count()) {
      int digits = 0;
      int matched = -1;
      for (int last = first; last < run.count(); last++) {
        digits += run.length(last);
        if (digits > 19) {
          break;
        }
        boolean closes = last + 1 < run.count() || Chars.endsWord(text, run.end());
        if (digits >= 13 && closes && isCard(run.digits(text, first, last))) {
          matched = last;
        }
      }
      if (matched >= 0) {
        found.accept(new Span(DataClasses.CARD, "luhn", run.starts()[first], run.ends()[matched]));
        first = matched + 1;
      } else {
        first++;
      }
    }
  }

  static boolean isCard(String digits) {
    return digits.length() >= 13 && digits.length() <= 19 && issuerPrefix(digits) && Checksums.luhn(digits);
  }

  private static boolean issuerPrefix(String d) {
    int two = Integer.parseInt(d.substring(0, 2));
    int four = Integer.parseInt(d.substring(0, 4));
    return d.charAt(0) == '4'
        || (two >= 51 && two <= 55)
        || (four >= 2221 && four <= 2720)
        || two == 34 || two == 37 || two == 35 || two == 30 || two == 36 || two == 38
        || d.charAt(0) == '6';
  }
}
