package dev.atomic.bench.adaptation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Readers of the three labelled text data sets under the shared data folder. */
final class Datasets {

  /** One labelled text. */
  record Labelled(String text, String label) {}

  /**
   * A data set as the benchmark streams it.
   *
   * @param name the data folder's name
   * @param kind the microtask kind its items are asked as
   * @param stream the items streamed with their labels as feedback, in a seeded order
   * @param test held-out items served after the stream without feedback (empty when the set has no test split)
   */
  record DataSet(String name, String kind, List<Labelled> stream, List<Labelled> test) {}

  private Datasets() {}

  /** SMS Spam Collection: one {@code ham|spam<TAB>text} per line. */
  static DataSet sms(Path dataDir, long seed) {
    Path file = dataDir.resolve("sms-spam-collection/SMSSpamCollection");
    List<Labelled> items = new ArrayList<>();
    for (String line : lines(file)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        items.add(new Labelled(line.substring(tab + 1), line.substring(0, tab)));
      }
    }
    return new DataSet("sms-spam-collection", "sms.spam", shuffled(items, seed), List.of());
  }

  /** UCI sentiment labelled sentences: three files of {@code sentence<TAB>0|1}; 1 is positive. */
  static DataSet sentiment(Path dataDir, long seed) {
    List<Labelled> items = new ArrayList<>();
    for (String name : List.of("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt")) {
      for (String line : lines(dataDir.resolve("uci-sentiment-labelled-sentences").resolve(name))) {
        int tab = line.lastIndexOf('\t');
        if (tab > 0) {
          String label = line.substring(tab + 1).strip().equals("1") ? "positive" : "negative";
          items.add(new Labelled(line.substring(0, tab).strip(), label));
        }
      }
    }
    return new DataSet("uci-sentiment-labelled-sentences", "review.sentiment", shuffled(items, seed), List.of());
  }

  /** BANKING77: {@code train.csv} streamed in a seeded order, {@code test.csv} held out; CSV {@code text,category}. */
  static DataSet banking(Path dataDir, long seed) {
    Path dir = dataDir.resolve("banking77-intents");
    return new DataSet("banking77-intents", "banking.intent", shuffled(csv(dir.resolve("train.csv")), seed),
        csv(dir.resolve("test.csv")));
  }

  private static List<Labelled> shuffled(List<Labelled> items, long seed) {
    List<Labelled> copy = new ArrayList<>(items);
    Collections.shuffle(copy, new Random(seed));
    return List.copyOf(copy);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data file " + file + " (is --data-dir right?)", e);
    }
  }

  /** RFC 4180 CSV of two columns with a header row: quoted fields may hold commas, newlines and doubled quotes. */
  static List<Labelled> csv(Path file) {
    String all;
    try {
      all = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data file " + file + " (is --data-dir right?)", e);
    }
    List<Labelled> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean header = true;
    for (int i = 0; i <= all.length(); i++) {
      char c = i < all.length() ? all.charAt(i) : '\n';
      if (quoted) {
        if (c == '"' && i + 1 < all.length() && all.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < all.length() && all.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        if (!header && fields.size() >= 2) {
          rows.add(new Labelled(fields.get(0), fields.get(1)));
        }
        header = false;
        fields.clear();
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
