package dev.atomic.governance.classify;

import java.util.function.Consumer;

/**
 * Finds phone numbers in these shapes, and only these, so that plain numbers, dates, times and amounts are left alone:
 * <ul>
 *   <li>international: {@code +} (or {@code 00}) and a country code, 8 to 15 digits in all (E.164), grouped by spaces,
 *       hyphens or dots, with an optional {@code (0)} trunk marker ({@code +44 (0)20 7946 0958}, {@code +33612345678});
 *   <li>North American: {@code (212) 555-0147}, {@code 212-555-0147}, {@code 212.555.0147}, {@code 1 212 555 0147},
 *       area code and exchange starting with 2-9;
 *   <li>national with a trunk 0: 10 or 11 digits starting with 0 then 1-9, either unbroken ({@code 0612345678}) or in
 *       groups of 2 to 5 digits with one kind of separator ({@code 06 12 34 56 78}, {@code 020 7946 0958}).
 * </ul>
 * A number may be followed by more digit groups (a date, an extension, a card): every run of leading groups that forms
 * a phone number is reported, and the classifier keeps the longest one that does not overlap a more specific value.
 * Dates such as {@code 2024-01-15} (8 digits) and unbroken numbers without a trunk 0 ({@code 1234567890}) never match.
 * At most {@value #MAX_GROUPS} groups are read from any start, so the scan is linear.
 */
final class PhoneDetector implements Detector {

  private static final String SEPARATORS = " -.";
  static final int MAX_GROUPS = 8;

  @Override
  public void scan(String text, Consumer<Span> found) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '+' && i + 1 < text.length() && Chars.digit(text.charAt(i + 1)) && plusMayStart(text, i)) {
        i = international(text, i, i + 1, found);
      } else if (c == '(' && Chars.startsWord(text, i)) {
        i = parenthesised(text, i, found);
      } else if (Chars.digit(c) && Chars.startsWord(text, i)) {
        i = national(text, i, found);
      } else {
        i++;
      }
    }
  }

  private static boolean plusMayStart(String text, int i) {
    return i == 0 || (!Chars.alnum(text.charAt(i - 1)) && text.charAt(i - 1) != '+');
  }

  /** {@code +CC ...} or {@code 00CC ...}: returns where scanning resumes. */
  private static int international(String text, int start, int digitsFrom, Consumer<Span> found) {
    if (text.charAt(digitsFrom) == '0') {
      return digitsFrom + 1;
    }
    DigitGroups run = DigitGroups.read(text, digitsFrom, SEPARATORS, MAX_GROUPS);
    int digits = 0;
    int end = -1;
    // A country code has 1-3 digits; a longer first group is a number written unbroken, and what follows is not part
    // of it.
    int groups = run.length(0) > 3 ? 1 : run.count();
    for (int g = 0; g < groups; g++) {
      digits += run.length(g);
      if (digits > 15) {
        break;
      }
      if (digits >= 8 && run.closes(text, g + 1)) {
        end = run.ends()[g];
        found.accept(new Span(DataClasses.PHONE, "phone.international", start, end));
      }
    }
    // "+44 (0)20 ...": the national trunk marker in parentheses after the country code, then the rest.
    int code = run.ends()[0];
    if (run.count() == 1 && text.startsWith(" (0)", code) && code + 4 < text.length()
        && Chars.digit(text.charAt(code + 4))) {
      DigitGroups rest = DigitGroups.read(text, code + 4, SEPARATORS, MAX_GROUPS);
      int total = run.length(0);
      for (int g = 0; g < rest.count(); g++) {
        total += rest.length(g);
        if (total > 15) {
          break;
        }
        if (total >= 8 && rest.closes(text, g + 1)) {
          end = rest.ends()[g];
          found.accept(new Span(DataClasses.PHONE, "phone.international", start, end));
        }
      }
    }
    if (end > 0) {
      return end;
    }
    return run.count() > 1 ? run.starts()[1] : run.end() + 1;
  }

  /** {@code (212) 555-0147}, {@code (020) 7946 0958}. */
  private static int parenthesised(String text, int start, Consumer<Span> found) {
    int i = start + 1;
    int areaStart = i;
    while (i < text.length() && i - areaStart < 4 && Chars.digit(text.charAt(i))) {
      i++;
    }
    int areaLength = i - areaStart;
    if (areaLength < 2 || i >= text.length() || text.charAt(i) != ')') {
      return start + 1;
    }
    i++;
    if (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i >= text.length() || !Chars.digit(text.charAt(i))) {
      return start + 1;
    }
    DigitGroups run = DigitGroups.read(text, i, SEPARATORS, MAX_GROUPS);
    boolean nanp = areaLength == 3 && run.count() >= 2 && run.length(0) == 3 && run.length(1) == 4
        && run.closes(text, 2) && text.charAt(areaStart) >= '2' && text.charAt(i) >= '2';
    if (nanp) {
      found.accept(new Span(DataClasses.PHONE, "phone.nanp", start, run.ends()[1]));
      return run.ends()[1];
    }
    int end = -1;
    if (text.charAt(areaStart) == '0') {
      for (int k = 1; k <= run.count(); k++) {
        int digits = areaLength + run.digitCount(k);
        if (digits >= 10 && digits <= 11 && run.closes(text, k)) {
          end = run.ends()[k - 1];
          found.accept(new Span(DataClasses.PHONE, "phone.national", start, end));
        }
      }
    }
    return end > 0 ? end : start + 1;
  }

  /** A run of digit groups without {@code +} or parentheses. */
  private static int national(String text, int start, Consumer<Span> found) {
    if (text.startsWith("00", start) && start + 2 < text.length() && Chars.digit(text.charAt(start + 2))) {
      return international(text, start, start + 2, found);
    }
    DigitGroups run = DigitGroups.read(text, start, SEPARATORS, MAX_GROUPS);
    int end = -1;
    for (int k = 1; k <= run.count(); k++) {
      if (!run.closes(text, k) || !run.uniformSeparators(k)) {
        continue;
      }
      String kind = nanp(text, run, k) ? "phone.nanp" : trunk(text, run, k) ? "phone.national" : null;
      if (kind != null) {
        end = run.ends()[k - 1];
        found.accept(new Span(DataClasses.PHONE, kind, start, end));
      }
    }
    if (end > 0) {
      return end;
    }
    return run.count() > 1 ? run.starts()[1] : run.end() + 1;
  }

  /** 3-3-4 groups, optionally after a country code 1, with area code and exchange starting 2-9. */
  private static boolean nanp(String text, DigitGroups run, int groups) {
    int first = groups == 4 && run.length(0) == 1 && text.charAt(run.starts()[0]) == '1' ? 1 : 0;
    return groups - first == 3
        && run.length(first) == 3 && run.length(first + 1) == 3 && run.length(first + 2) == 4
        && text.charAt(run.starts()[first]) >= '2' && text.charAt(run.starts()[first + 1]) >= '2';
  }

  /** 10-11 digits starting 0 then 1-9: unbroken, or in groups of 2-5 digits. */
  private static boolean trunk(String text, DigitGroups run, int groups) {
    int digits = run.digitCount(groups);
    int start = run.starts()[0];
    if (digits < 10 || digits > 11 || text.charAt(start) != '0' || text.charAt(start + 1) == '0') {
      return false;
    }
    if (groups == 1) {
      return true;
    }
    for (int g = 0; g < groups; g++) {
      if (run.length(g) < 2 || run.length(g) > 5) {
        return false;
      }
    }
    return true;
  }
}
