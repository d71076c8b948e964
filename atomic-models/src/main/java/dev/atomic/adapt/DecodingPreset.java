package dev.atomic.adapt;

import java.util.Objects;

/**
 * One way of calling an LLM for a microtask kind: its sampling temperature, output budget and prompt variant.
 *
 * @param name a unique name within its kind
 * @param temperature sampling temperature, in [0, 2]
 * @param maxTokens output token budget, at least 1
 * @param promptVariant which prompt template to use (the application names them)
 */
public record DecodingPreset(String name, double temperature, int maxTokens, String promptVariant) {

  public DecodingPreset {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("preset name must not be blank");
    }
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("preset '" + name + "' temperature must be in [0, 2], was " + temperature);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("preset '" + name + "' maxTokens must be at least 1, was " + maxTokens);
    }
    Objects.requireNonNull(promptVariant, "promptVariant");
  }
}
