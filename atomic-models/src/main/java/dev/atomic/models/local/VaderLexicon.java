package dev.atomic.models.local;

import dev.atomic.AtomicException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The VADER sentiment lexicon (Hutto and Gilbert, 2014): about 7,500 words, emoticons and slang with a human-rated mean
 * valence from -4 to +4. The file is read from the classpath, where the MIT-licensed Maven artifact
 * {@code com.github.apanimesh061:vader-sentiment-analyzer:1.0} ships it as {@code vader_sentiment_lexicon.txt}; only that
 * file of the artifact is used. Licence notices: {@code META-INF/atomic/VADER-NOTICE.txt}.
 */
final class VaderLexicon {

  static final String RESOURCE = "/vader_sentiment_lexicon.txt";

  private final Map<String, Double> valences;

  private VaderLexicon(Map<String, Double> valences) {
    this.valences = Map.copyOf(valences);
  }

  /** Reads the lexicon from the classpath. */
  static VaderLexicon load() {
    try (InputStream in = VaderLexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new AtomicException("the VADER lexicon " + RESOURCE
            + " is not on the classpath; add com.github.apanimesh061:vader-sentiment-analyzer:1.0");
      }
      Map<String, Double> valences = new HashMap<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String[] fields = line.split("\t");
        if (fields.length < 2 || fields[0].isEmpty()) {
          continue;
        }
        try {
          valences.put(fields[0], Double.parseDouble(fields[1]));
        } catch (NumberFormatException e) {
          throw new AtomicException("the VADER lexicon has a bad valence on line " + number + ": '" + line + "'", e);
        }
      }
      return new VaderLexicon(valences);
    } catch (IOException e) {
      throw new AtomicException("cannot read the VADER lexicon " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The mean valence of a lower-cased token, or NaN when the lexicon does not have it. */
  double valence(String token) {
    Double v = valences.get(token);
    return v == null ? Double.NaN : v;
  }

  boolean contains(String token) {
    return valences.containsKey(token);
  }

  int size() {
    return valences.size();
  }
}
