package dev.atomic.output.parse;

import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The text coercions schema alignment allows itself, each strict: a number must be written as a number ("12", " 12 ",
 * "1.5e3", "12." at the end of a sentence), never "85%" or "twelve"; a boolean as true/false/yes/no.
 */
final class Coercions {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Coercions() {}

  /** Lower case, letters and digits only: "Not Spam", "not_spam" and "NOT-SPAM" are all "notspam". */
  static String normalize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** Lower-case words separated by single spaces: "Not_Spam!" is "not spam". */
  static String words(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        sb.append(' ');
        space = true;
      }
    }
    return sb.toString().strip();
  }

  static JsonNode number(String raw, boolean integer) {
    String t = raw.strip();
    if (t.endsWith(".") && t.length() > 1 && Character.isDigit(t.charAt(t.length() - 2))) {
      t = t.substring(0, t.length() - 1); // "12." at the end of a sentence
    }
    if (t.isEmpty() || t.length() > 64) {
      return null;
    }
    int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    int expDigits = 0;
    boolean dot = false;
    boolean exp = false;
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        if (exp) {
          expDigits++;
        } else {
          digits++;
        }
      } else if (c == '.' && !dot && !exp) {
        dot = true;
      } else if ((c == 'e' || c == 'E') && !exp && digits > 0 && i + 1 < t.length()) {
        exp = true;
        if (t.charAt(i + 1) == '+' || t.charAt(i + 1) == '-') {
          i++;
        }
      } else {
        return null;
      }
    }
    if (digits == 0 || (exp && expDigits == 0)) {
      return null;
    }
    BigDecimal d = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
    if (Math.abs(d.scale()) > 400) {
      return null;
    }
    if (integer) {
      if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
        return null;
      }
      return ValueParser.numberNode(d.toBigIntegerExact().toString(), false);
    }
    if ((dot || exp) && Double.isInfinite(d.doubleValue())) {
      return null;
    }
    return dot || exp ? NODES.numberNode(d.doubleValue()) : ValueParser.numberNode(d.toBigInteger().toString(), false);
  }

  static Boolean bool(String raw) {
    String t = raw.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    return switch (t) {
      case "true", "yes" -> Boolean.TRUE;
      case "false", "no" -> Boolean.FALSE;
      default -> null;
    };
  }
}
