package dev.atomic.models.llm;

import dev.atomic.AtomicException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices of models by name. A name matches the longest entry it starts with, so a dated snapshot such as
 * {@code gpt-4o-mini-2024-07-18} finds {@code gpt-4o-mini}. Immutable; {@link #with} and {@link #withAll} return new
 * tables.
 *
 * <p>The file format is CSV with a header: {@code model,input_usd_per_million,output_usd_per_million}; lines starting
 * with {@code #} are comments. {@link #defaults()} reads the list prices shipped with Atomic, which age: override them.
 */
public final class PriceTable {

  private static final String DEFAULTS_RESOURCE = "prices.csv";

  private final Map<String, Price> prices;

  private PriceTable(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** A table with no prices. */
  public static PriceTable empty() {
    return new PriceTable(Map.of());
  }

  /** The list prices of common hosted models shipped with Atomic. */
  public static PriceTable defaults() {
    try (InputStream in = PriceTable.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new AtomicException("the default price table " + DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULTS_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default price table " + DEFAULTS_RESOURCE, e);
    }
  }

  /** Reads a price table from a CSV file. */
  public static PriceTable load(Path file) {
    Objects.requireNonNull(file, "file");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (IOException e) {
      throw new AtomicException("cannot read the price table " + file + ": " + e.getMessage(), e);
    }
  }

  static PriceTable parse(Reader source, String where) throws IOException {
    Map<String, Price> prices = new HashMap<>();
    BufferedReader reader = new BufferedReader(source);
    String line;
    int number = 0;
    boolean header = true;
    while ((line = reader.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        if (trimmed.startsWith("model,")) {
          continue;
        }
      }
      String[] cells = trimmed.split(",", -1);
      if (cells.length != 3 || cells[0].isBlank()) {
        throw new AtomicException(where + " line " + number + ": expected 'model,input,output', was '" + trimmed + "'");
      }
      try {
        double input = Double.parseDouble(cells[1].strip());
        double output = Double.parseDouble(cells[2].strip());
        prices.put(cells[0].strip(), new Price(input, output));
      } catch (IllegalArgumentException e) {
        throw new AtomicException(where + " line " + number + ": bad price in '" + trimmed + "': " + e.getMessage(), e);
      }
    }
    return new PriceTable(prices);
  }

  /** This table with the model's price set or replaced. */
  public PriceTable with(String model, Price price) {
    Objects.requireNonNull(model, "model");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    Map<String, Price> next = new HashMap<>(prices);
    next.put(model, Objects.requireNonNull(price, "price"));
    return new PriceTable(next);
  }

  /** This table with every price of the other one set or replaced. */
  public PriceTable withAll(PriceTable other) {
    Map<String, Price> next = new HashMap<>(prices);
    next.putAll(other.prices);
    return new PriceTable(next);
  }

  /** The price of the model: its exact entry, or the longest entry its name starts with. */
  public Optional<Price> find(String model) {
    Objects.requireNonNull(model, "model");
    Price exact = prices.get(model);
    if (exact != null) {
      return Optional.of(exact);
    }
    String best = null;
    for (String name : prices.keySet()) {
      if (model.startsWith(name) && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    return Optional.ofNullable(best).map(prices::get);
  }

  /** How many models have a price. */
  public int size() {
    return prices.size();
  }

  @Override
  public String toString() {
    return "PriceTable[" + prices.size() + " models]";
  }
}
