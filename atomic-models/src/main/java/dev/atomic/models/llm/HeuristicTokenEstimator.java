package dev.atomic.models.llm;

/** The character heuristic of {@link TokenEstimator#heuristic()}: a weight per character by script. */
final class HeuristicTokenEstimator implements TokenEstimator {

  static final HeuristicTokenEstimator INSTANCE = new HeuristicTokenEstimator();

  private HeuristicTokenEstimator() {}

  @Override
  public int count(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    double tokens = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      tokens += weight(cp);
      i += Character.charCount(cp);
    }
    return Math.max(1, (int) Math.ceil(tokens));
  }

  private static double weight(int cp) {
    if (cp < 0x80) {
      return 0.25;
    }
    return switch (Character.UnicodeScript.of(cp)) {
      case LATIN -> 0.4;
      case HAN, HIRAGANA, KATAKANA, HANGUL -> 1.0;
      default -> 0.5;
    };
  }
}
