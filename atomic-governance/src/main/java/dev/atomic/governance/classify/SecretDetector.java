package dev.atomic.governance.classify;

import java.util.List;
import java.util.function.Consumer;

/**
 * Finds credentials: PEM private key blocks, JSON Web Tokens, tokens with a known provider prefix, and random-looking
 * strings.
 *
 * <p>The text is cut into tokens (maximal runs of letters, digits and {@code _ - . + /}, trailing dots dropped); each
 * character belongs to one token, so the scan is linear. A token is:
 * <ul>
 *   <li>an API key when it starts with a known prefix and the rest is long enough (see {@link #PREFIXES});
 *   <li>a JWT when it is three dot-separated base64url parts, the first two starting {@code eyJ} (a JSON object);
 *   <li>high-entropy when it is at least {@value #MIN_ENTROPY_LENGTH} characters of letters and digits only, with upper
 *       case, lower case and digits, a Shannon entropy of at least {@value #MIN_BITS_PER_CHAR} bits per character and
 *       a character-class change (upper/lower/digit) between at least {@value #MIN_CLASS_CHANGES} of adjacent pairs.
 *       Random base62 strings of 24 characters pass about 95% of the time; CamelCase identifiers, hex digests and
 *       UUIDs do not (hex keys are therefore missed unless a prefix names them).
 * </ul>
 */
final class SecretDetector implements Detector {

  static final int MIN_ENTROPY_LENGTH = 20;
  static final double MIN_BITS_PER_CHAR = 3.5;
  static final double MIN_CLASS_CHANGES = 0.4;

  /** A provider prefix and how many characters must follow it. */
  record Prefix(String prefix, int minRest, int maxRest) {}

  static final List<Prefix> PREFIXES = List.of(
      new Prefix("sk-", 20, 400),          // OpenAI (sk-, sk-proj-), Anthropic (sk-ant-)
      new Prefix("sk_live_", 16, 200),     // Stripe secret keys
      new Prefix("sk_test_", 16, 200),
      new Prefix("rk_live_", 16, 200),
      new Prefix("ghp_", 30, 60),          // GitHub tokens: personal, OAuth, user, server, refresh
      new Prefix("gho_", 30, 60),
      new Prefix("ghu_", 30, 60),
      new Prefix("ghs_", 30, 60),
      new Prefix("ghr_", 30, 60),
      new Prefix("github_pat_", 20, 255),
      new Prefix("AKIA", 16, 16),          // AWS access key ids
      new Prefix("ASIA", 16, 16),
      new Prefix("xoxb-", 10, 255),        // Slack bot, user, app-level, refresh tokens
      new Prefix("xoxp-", 10, 255),
      new Prefix("xoxa-", 10, 255),
      new Prefix("xoxr-", 10, 255),
      new Prefix("xapp-", 10, 255),
      new Prefix("glpat-", 20, 60),        // GitLab
      new Prefix("AIza", 35, 35),          // Google API keys
      new Prefix("hf_", 30, 60));          // Hugging Face

  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";

  @Override
  public void scan(String text, Consumer<Span> found) {
    privateKeys(text, found);
    int i = 0;
    while (i < text.length()) {
      if (!tokenChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && tokenChar(text.charAt(i))) {
        i++;
      }
      int end = i;
      while (end > start && text.charAt(end - 1) == '.') {
        end--;
      }
      if (end > start) {
        token(text, start, end, found);
      }
    }
  }

  private static void token(String text, int start, int end, Consumer<Span> found) {
    String token = text.substring(start, end);
    for (Prefix p : PREFIXES) {
      if (token.startsWith(p.prefix())) {
        int rest = token.length() - p.prefix().length();
        if (rest >= p.minRest() && rest <= p.maxRest() && keyChars(token, p.prefix().length())) {
          found.accept(new Span(DataClasses.API_KEY, "prefix " + p.prefix(), start, end));
          return;
        }
      }
    }
    if (jwt(token)) {
      found.accept(new Span(DataClasses.JWT, "jwt", start, end));
    } else if (highEntropy(token)) {
      found.accept(new Span(DataClasses.HIGH_ENTROPY, "entropy", start, end));
    }
  }

  /**
   * PEM blocks from {@code -----BEGIN ... PRIVATE KEY-----} to the matching END line (or the header alone when the END
   * is missing). The END search remembers its last answer, so many headers without an END still scan linearly.
   */
  private static void privateKeys(String text, Consumer<Span> found) {
    boolean searched = false;
    int endFound = -1;
    for (int at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + 1)) {
      int close = text.indexOf("-----", at + BEGIN.length());
      if (close < 0) {
        return;
      }
      String label = text.substring(at + BEGIN.length(), close);
      if (close - at > 80 || !label.endsWith("PRIVATE KEY") || !upperAndSpaces(label)) {
        continue;
      }
      int headerEnd = close + 5;
      // An earlier answer still holds unless it found an END before this header; "none" stays "none".
      if (!searched || (endFound >= 0 && endFound < headerEnd)) {
        endFound = text.indexOf(END, headerEnd);
        searched = true;
      }
      int blockEnd = headerEnd;
      if (endFound >= 0) {
        int trailer = text.indexOf("-----", endFound + END.length());
        blockEnd = trailer >= 0 && trailer - endFound < 80 ? trailer + 5 : endFound + END.length();
      }
      found.accept(new Span(DataClasses.PRIVATE_KEY, "pem", at, blockEnd));
      at = blockEnd - 1;
    }
  }

  private static boolean upperAndSpaces(String label) {
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!Chars.upper(c) && c != ' ') {
        return false;
      }
    }
    return true;
  }

  private static boolean tokenChar(char c) {
    return Chars.digit(c) || Chars.upper(c) || Chars.lower(c) || c == '_' || c == '-' || c == '.' || c == '+'
        || c == '/';
  }

  private static boolean keyChars(String token, int from) {
    for (int i = from; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!Chars.digit(c) && !Chars.upper(c) && !Chars.lower(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  static boolean jwt(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0) {
      return false;
    }
    return token.startsWith("eyJ") && token.startsWith("eyJ", first + 1) && first >= 10 && second - first > 10
        && keyChars(token.substring(0, first), 0) && keyChars(token.substring(first + 1, second), 0)
        && keyChars(token.substring(second + 1), 0);
  }

  static boolean highEntropy(String token) {
    if (token.length() < MIN_ENTROPY_LENGTH) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int changes = 0;
    int[] counts = new int[128];
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Chars.upper(c)) {
        upper = true;
      } else if (Chars.lower(c)) {
        lower = true;
      } else if (Chars.digit(c)) {
        digit = true;
      } else {
        return false;
      }
      counts[c]++;
      if (i > 0 && charClass(c) != charClass(token.charAt(i - 1))) {
        changes++;
      }
    }
    return upper && lower && digit
        && changes >= MIN_CLASS_CHANGES * (token.length() - 1)
        && entropy(counts, token.length()) >= MIN_BITS_PER_CHAR;
  }

  private static int charClass(char c) {
    return Chars.upper(c) ? 0 : Chars.lower(c) ? 1 : 2;
  }

  /** Shannon entropy of the character distribution, in bits per character. */
  static double entropy(int[] counts, int length) {
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / length;
        bits -= p * Math.log(p);
      }
    }
    return bits / Math.log(2);
  }
}
