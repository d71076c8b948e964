package dev.atomic.models.llm;

import dev.atomic.bidding.Usage;
import java.time.Duration;
import java.util.Objects;

/**
 * What one call to an LLM returned, with what it cost.
 *
 * @param text the answer's text (JSON text when the prompt asked for a schema)
 * @param inputTokens tokens read, as the provider reported them, else as estimated
 * @param outputTokens tokens written, as the provider reported them, else as estimated
 * @param usageReported whether the provider reported the token counts (when not, they and the cost are estimates)
 * @param finishReason why generation stopped ({@code STOP}, {@code LENGTH}), or empty when the provider did not say
 * @param costUsd what the call cost, from the token counts and the model's price
 * @param latency how long the call took
 * @param model the model that answered: as the provider named it in its response, else as the bidder asked for it;
 *     empty when neither is known (a wrapped model without a {@code modelName})
 */
public record Completion(
    String text,
    long inputTokens,
    long outputTokens,
    boolean usageReported,
    String finishReason,
    double costUsd,
    Duration latency,
    String model) {

  public Completion {
    Objects.requireNonNull(text, "text");
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must be >= 0, were input=" + inputTokens + ", output=" + outputTokens);
    }
    finishReason = finishReason == null ? "" : finishReason;
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(model, "model (empty when not known)");
  }

  /** What the call used, for the exchange's records: the model and the token counts (reported or estimated). */
  public Usage usage() {
    return Usage.of(model, inputTokens, outputTokens);
  }
}
