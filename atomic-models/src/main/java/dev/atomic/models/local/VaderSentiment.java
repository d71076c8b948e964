package dev.atomic.models.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A clean reimplementation of the published VADER rules (Hutto and Gilbert, "VADER: A Parsimonious Rule-based Model
 * for Sentiment Analysis of Social Media Text", ICWSM 2014; reference code github.com/cjhutto/vaderSentiment, MIT) over
 * the {@link VaderLexicon}: lexicon valences, adjusted by boosters and dampeners, ALL-CAPS emphasis, negation within
 * three words, the contrastive "but", and exclamation and question marks, then squashed to a compound score in [-1, 1].
 *
 * <p>Why a reimplementation: the Java port on Maven Central drags in Lucene 6 and log4j 1 for tokenising; these rules
 * need neither. The rarely firing idiom and "kind of" special cases of the reference code are left out. Thread-safe.
 */
public final class VaderSentiment {

  /** The four scores of a text. {@code compound} in [-1, 1]; the three proportions sum to about 1. */
  public record Scores(double negative, double neutral, double positive, double compound) {}

  private static final double BOOST = 0.293;
  private static final double CAPS_BOOST = 0.733;
  private static final double NEGATION = -0.74;
  private static final double NORMALISATION_ALPHA = 15;

  private static final Set<String> NEGATIONS = Set.of(
      "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
      "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
      "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none",
      "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't",
      "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
      "seldom", "despite");

  private static final Set<String> BOOSTERS = Set.of(
      "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply", "effing",
      "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme", "extremely",
      "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
      "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible", "incredibly",
      "intensely", "major", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
      "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
      "unusually", "utter", "utterly", "very");

  private static final Set<String> DAMPENERS = Set.of(
      "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally",
      "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat", "sorta", "sortof",
      "sort-of");

  private static final Map<Integer, Double> DISTANCE_DAMPING = Map.of(0, 1.0, 1, 0.95, 2, 0.9);

  private final VaderLexicon lexicon;

  private VaderSentiment(VaderLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Loads the lexicon from the classpath. */
  public static VaderSentiment load() {
    return new VaderSentiment(VaderLexicon.load());
  }

  /** How many entries the lexicon has. */
  public int lexiconSize() {
    return lexicon.size();
  }

  /** The sentiment of a text. */
  public Scores score(String text) {
    List<String> tokens = tokens(text);
    boolean capsDiffer = capsDiffer(tokens);
    double[] valences = new double[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      String lower = tokens.get(i).toLowerCase(Locale.ROOT);
      if (BOOSTERS.contains(lower) || DAMPENERS.contains(lower)) {
        continue; // modifiers carry no sentiment of their own
      }
      valences[i] = valence(tokens, i, capsDiffer);
    }
    applyBut(tokens, valences);
    return summarise(text, valences);
  }

  private double valence(List<String> tokens, int i, boolean capsDiffer) {
    String token = tokens.get(i);
    String lower = token.toLowerCase(Locale.ROOT);
    double valence = lexicon.valence(lower);
    if (Double.isNaN(valence)) {
      return 0;
    }
    if (capsDiffer && isShouting(token)) {
      valence += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
    }
    for (int distance = 0; distance < 3 && i > distance; distance++) {
      String before = tokens.get(i - distance - 1);
      String beforeLower = before.toLowerCase(Locale.ROOT);
      if (!lexicon.contains(beforeLower)) {
        double scalar = modifier(before, beforeLower, valence, capsDiffer);
        valence += scalar * DISTANCE_DAMPING.get(distance);
      }
      valence = negate(tokens, i, distance, valence);
    }
    if (i > 0 && tokens.get(i - 1).equalsIgnoreCase("least")
        && (i < 2 || !Set.of("at", "very").contains(tokens.get(i - 2).toLowerCase(Locale.ROOT)))) {
      valence *= NEGATION;
    }
    return valence;
  }

  private static double modifier(String token, String lower, double valence, boolean capsDiffer) {
    double scalar = BOOSTERS.contains(lower) ? BOOST : DAMPENERS.contains(lower) ? -BOOST : 0;
    if (scalar == 0) {
      return 0;
    }
    if (valence < 0) {
      scalar = -scalar;
    }
    if (capsDiffer && isShouting(token)) {
      scalar += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
    }
    return scalar;
  }

  /** "never so good" intensifies, "without doubt" keeps, any other negation within three words flips and damps. */
  private static double negate(List<String> tokens, int i, int distance, double valence) {
    String far = tokens.get(i - distance - 1).toLowerCase(Locale.ROOT);
    if (distance > 0) {
      String next = tokens.get(i - distance).toLowerCase(Locale.ROOT);
      if (far.equals("never") && (next.equals("so") || next.equals("this"))) {
        return valence * 1.25;
      }
      if (far.equals("without") && next.equals("doubt")) {
        return valence;
      }
    }
    return isNegation(far) ? valence * NEGATION : valence;
  }

  private static boolean isNegation(String lower) {
    return NEGATIONS.contains(lower) || lower.endsWith("n't");
  }

  /** Sentiment before "but" counts half, after it one and a half times. */
  private static void applyBut(List<String> tokens, double[] valences) {
    int but = -1;
    for (int i = 0; i < tokens.size() && but < 0; i++) {
      if (tokens.get(i).equalsIgnoreCase("but")) {
        but = i;
      }
    }
    if (but < 0) {
      return;
    }
    for (int i = 0; i < valences.length; i++) {
      if (i < but) {
        valences[i] *= 0.5;
      } else if (i > but) {
        valences[i] *= 1.5;
      }
    }
  }

  private static Scores summarise(String text, double[] valences) {
    double sum = 0;
    double positive = 0;
    double negative = 0;
    int neutral = 0;
    for (double v : valences) {
      sum += v;
      if (v > 0) {
        positive += v + 1; // +1 compensates for neutral words counted as 1 each
      } else if (v < 0) {
        negative += v - 1;
      } else {
        neutral++;
      }
    }
    double emphasis = punctuationEmphasis(text);
    if (sum > 0) {
      sum += emphasis;
    } else if (sum < 0) {
      sum -= emphasis;
    }
    if (positive > Math.abs(negative)) {
      positive += emphasis;
    } else if (positive < Math.abs(negative)) {
      negative -= emphasis;
    }
    double total = positive + Math.abs(negative) + neutral;
    double compound = Math.clamp(sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA), -1, 1);
    if (total == 0) {
      return new Scores(0, 0, 0, compound);
    }
    return new Scores(Math.abs(negative / total), neutral / total, Math.abs(positive / total), compound);
  }

  private static double punctuationEmphasis(String text) {
    long exclamations = Math.min(text.chars().filter(c -> c == '!').count(), 4);
    long questions = text.chars().filter(c -> c == '?').count();
    double questionEmphasis = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
    return exclamations * 0.292 + questionEmphasis;
  }

  /** Whitespace tokens with leading and trailing punctuation removed, except short tokens such as ":)" kept whole. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    for (String raw : text.strip().split("\\s+")) {
      String stripped = raw.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
      String token = stripped.length() <= 2 ? raw : stripped;
      if (token.length() > 1) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static boolean capsDiffer(List<String> tokens) {
    long shouting = tokens.stream().filter(VaderSentiment::isShouting).count();
    return shouting > 0 && shouting < tokens.size();
  }

  private static boolean isShouting(String token) {
    return token.chars().anyMatch(Character::isLetter) && token.equals(token.toUpperCase(Locale.ROOT));
  }
}
