package dev.atomic.governance.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of digit groups joined by single separators, such as {@code 4111 1111-1111 1111}: the shape shared by card and
 * phone numbers. Reading one visits each character once.
 *
 * @param starts index of each group's first digit
 * @param ends index after each group's last digit
 * @param separators the character between group i and i+1
 */
record DigitGroups(int[] starts, int[] ends, char[] separators) {

  /**
   * Reads the run that starts at {@code from} (a digit), joining groups across any one of {@code separators}.
   */
  static DigitGroups read(String text, int from, String separators) {
    return read(text, from, separators, Integer.MAX_VALUE);
  }

  /** Like {@link #read(String, int, String)}, stopping after {@code maxGroups} groups. */
  static DigitGroups read(String text, int from, String separators, int maxGroups) {
    List<int[]> groups = new ArrayList<>();
    StringBuilder seps = new StringBuilder();
    int i = from;
    while (true) {
      int start = i;
      while (i < text.length() && Chars.digit(text.charAt(i))) {
        i++;
      }
      groups.add(new int[] {start, i});
      if (groups.size() < maxGroups && i + 1 < text.length() && separators.indexOf(text.charAt(i)) >= 0
          && Chars.digit(text.charAt(i + 1))) {
        seps.append(text.charAt(i));
        i++;
      } else {
        break;
      }
    }
    int[] starts = new int[groups.size()];
    int[] ends = new int[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      starts[g] = groups.get(g)[0];
      ends[g] = groups.get(g)[1];
    }
    return new DigitGroups(starts, ends, seps.toString().toCharArray());
  }

  int count() {
    return starts.length;
  }

  int length(int group) {
    return ends[group] - starts[group];
  }

  int end() {
    return ends[ends.length - 1];
  }

  /** The digits of groups {@code first..last}, without separators. */
  String digits(String text, int first, int last) {
    StringBuilder out = new StringBuilder();
    for (int g = first; g <= last; g++) {
      out.append(text, starts[g], ends[g]);
    }
    return out.toString();
  }

  /** Whether the separators between the first {@code groups} groups are all the same character. */
  boolean uniformSeparators(int groups) {
    for (int g = 1; g < groups - 1; g++) {
      if (separators[g] != separators[0]) {
        return false;
      }
    }
    return true;
  }

  /** How many digits the first {@code groups} groups hold. */
  int digitCount(int groups) {
    int digits = 0;
    for (int g = 0; g < groups; g++) {
      digits += length(g);
    }
    return digits;
  }

  /** Whether a number made of the first {@code groups} groups ends a word in the text. */
  boolean closes(String text, int groups) {
    return groups < count() || Chars.endsWord(text, end());
  }
}
