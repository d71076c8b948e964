package dev.atomic.bench.routing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the choice a model made from its raw answer to a multiple-choice question: the leading letter ("B", "(B)",
 * "B) house"), or else the option whose text the answer starts with (some models answer "Logan" rather than "B").
 */
final class ChoiceParser {

  private static final Pattern LEADING_LETTER = Pattern.compile("^\\(?([A-E])\\)?(?=[\\s.):,]|$)");
  private static final Pattern OPTION = Pattern.compile("(?m)^([A-E])\\)\\s*(.+?)\\s*$");

  private ChoiceParser() {}

  /** The chosen letter, or empty when the answer names no option of the question. */
  static Optional<String> choice(String response, String question) {
    String answer = response.strip();
    Matcher letter = LEADING_LETTER.matcher(answer);
    if (letter.find()) {
      return Optional.of(letter.group(1));
    }
    String first = answer.lines().findFirst().orElse("").strip().toLowerCase(Locale.ROOT);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    String match = null;
    for (Map.Entry<String, String> option : options(question).entrySet()) {
      String text = option.getValue().toLowerCase(Locale.ROOT);
      if (text.startsWith(first) || first.startsWith(text)) {
        if (match != null) {
          return Optional.empty(); // ambiguous: the answer fits two options
        }
        match = option.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  /** The options of a question, letter to text. */
  static Map<String, String> options(String question) {
    Map<String, String> options = new LinkedHashMap<>();
    Matcher m = OPTION.matcher(question);
    while (m.find()) {
      options.putIfAbsent(m.group(1), m.group(2));
    }
    return options;
  }
}
