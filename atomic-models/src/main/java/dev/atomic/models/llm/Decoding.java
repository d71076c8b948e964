package dev.atomic.models.llm;

import java.util.List;
import java.util.Objects;

/**
 * How the model should sample its answer. A {@code null} number leaves the provider's default in place.
 *
 * @param temperature sampling temperature in [0, 2], or {@code null}
 * @param topP nucleus sampling mass in (0, 1], or {@code null}
 * @param maxOutputTokens the most tokens the answer may have, at least 1, or {@code null}
 * @param stop sequences that end the answer; empty for none
 */
public record Decoding(Double temperature, Double topP, Integer maxOutputTokens, List<String> stop) {

  private static final Decoding DEFAULTS = new Decoding(null, null, null, List.of());

  public Decoding {
    if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
    }
    if (topP != null && !(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
    }
    if (maxOutputTokens != null && maxOutputTokens < 1) {
      throw new IllegalArgumentException("maxOutputTokens must be at least 1, was " + maxOutputTokens);
    }
    stop = List.copyOf(Objects.requireNonNull(stop, "stop"));
  }

  /** The provider's defaults for everything. */
  public static Decoding defaults() {
    return DEFAULTS;
  }

  /** Greedy decoding (temperature 0): the most repeatable answers. */
  public static Decoding greedy() {
    return DEFAULTS.withTemperature(0.0);
  }

  public Decoding withTemperature(Double value) {
    return new Decoding(value, topP, maxOutputTokens, stop);
  }

  public Decoding withTopP(Double value) {
    return new Decoding(temperature, value, maxOutputTokens, stop);
  }

  public Decoding withMaxOutputTokens(Integer value) {
    return new Decoding(temperature, topP, value, stop);
  }

  public Decoding withStop(List<String> value) {
    return new Decoding(temperature, topP, maxOutputTokens, value);
  }
}
