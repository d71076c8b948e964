package dev.atomic.governance.redact;

import dev.atomic.governance.classify.DataClasses;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hands out placeholders for one input: the same value always gets the same placeholder, numbers count per label,
 * and a placeholder that already appears in the input text is skipped, so restoring can never replace the caller's own
 * text.
 */
final class Placeholders {

  private static final int MAX_LENGTH = 40;

  private final List<String> inputTexts;
  private final Map<String, String> byValue = new HashMap<>();
  private final Map<String, String> originals = new LinkedHashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();

  Placeholders(List<String> inputTexts) {
    this.inputTexts = inputTexts;
  }

  String of(String dataClass, String value) {
    return byValue.computeIfAbsent(value, v -> {
      String label = label(dataClass);
      String placeholder;
      do {
        int n = counters.merge(label, 1, Integer::sum);
        placeholder = "<" + label + "_" + n + ">";
      } while (appearsInInput(placeholder));
      originals.put(placeholder, v);
      return placeholder;
    });
  }

  Map<String, String> originals() {
    return originals;
  }

  private boolean appearsInInput(String placeholder) {
    for (String text : inputTexts) {
      if (text.contains(placeholder)) {
        return true;
      }
    }
    return false;
  }

  static String label(String dataClass) {
    return switch (dataClass) {
      case DataClasses.EMAIL -> "EMAIL";
      case DataClasses.PHONE -> "PHONE";
      case DataClasses.CARD -> "CARD";
      case DataClasses.IBAN -> "IBAN";
      case DataClasses.NATIONAL_ID -> "NATIONAL_ID";
      default -> dataClass.startsWith("secret.") ? "SECRET"
          : dataClass.substring(dataClass.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    };
  }

  /** Replaces every known placeholder in one left-to-right pass; linear in the text. */
  static String restore(String text, Map<String, String> originals) {
    if (text == null || originals.isEmpty() || text.indexOf('<') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '<') {
        int close = text.indexOf('>', i + 1);
        if (close > 0 && close - i < MAX_LENGTH) {
          String original = originals.get(text.substring(i, close + 1));
          if (original != null) {
            out.append(original);
            i = close + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
