package dev.atomic.bidding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one model call used: the model that answered and the tokens it read and wrote, as far as the bidder knows them.
 * A bidder without tokens (a rule, a classifier head) may still name its model; one that knows nothing returns
 * {@link #UNKNOWN}.
 *
 * @param model the model actually called ({@code "gpt-4o-mini-2024-07-18"}), or empty when not known
 * @param inputTokens tokens read, or -1 when not known
 * @param outputTokens tokens written, or -1 when not known
 */
public record Usage(String model, long inputTokens, long outputTokens) {

  /** Nothing known: no model name, no token counts. */
  public static final Usage UNKNOWN = new Usage("", -1, -1);

  public Usage {
    Objects.requireNonNull(model, "model (empty when not known)");
    if (inputTokens < -1 || outputTokens < -1 || (inputTokens == -1) != (outputTokens == -1)) {
      throw new IllegalArgumentException("token counts must both be >= 0, or both -1 when not known; were "
          + inputTokens + " in, " + outputTokens + " out");
    }
  }

  /** A call of {@code model} that read and wrote these many tokens. */
  public static Usage of(String model, long inputTokens, long outputTokens) {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0, were " + inputTokens + " in, " + outputTokens
          + " out; use Usage.model(name) when they are not known");
    }
    return new Usage(model, inputTokens, outputTokens);
  }

  /** A call of a named model whose tokens are not known (or that has none, as a classifier). */
  public static Usage model(String model) {
    return new Usage(model, -1, -1);
  }

  /** Whether the token counts are known. */
  public boolean tokensKnown() {
    return inputTokens >= 0;
  }

  /** Whether the model is named. */
  public boolean modelKnown() {
    return !model.isEmpty();
  }

  /**
   * This usage and another together, as for the calls of one attempt or one execution: the known token counts added
   * (unknown only when neither is known), and the distinct model names joined by commas in order.
   */
  public Usage plus(Usage other) {
    Objects.requireNonNull(other, "other");
    long in = tokensKnown() ? inputTokens + Math.max(other.inputTokens, 0) : other.inputTokens;
    long out = tokensKnown() ? outputTokens + Math.max(other.outputTokens, 0) : other.outputTokens;
    return new Usage(joined(model, other.model), in, out);
  }

  private static String joined(String a, String b) {
    if (b.isEmpty() || a.equals(b)) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    Set<String> names = new LinkedHashSet<>(List.of(a.split(",")));
    names.addAll(List.of(b.split(",")));
    return String.join(",", names);
  }
}
