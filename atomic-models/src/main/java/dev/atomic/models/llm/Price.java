package dev.atomic.models.llm;

/**
 * What a model charges, in USD per million tokens read and written.
 *
 * @param inputUsdPerMillion price of one million input (prompt) tokens
 * @param outputUsdPerMillion price of one million output (completion) tokens
 */
public record Price(double inputUsdPerMillion, double outputUsdPerMillion) {

  /** A model that costs nothing per token, such as one served on the caller's own hardware. */
  public static final Price FREE = new Price(0, 0);

  public Price {
    check("inputUsdPerMillion", inputUsdPerMillion);
    check("outputUsdPerMillion", outputUsdPerMillion);
  }

  /** What a call with the given token counts costs, in USD. */
  public double costUsd(long inputTokens, long outputTokens) {
    return (inputTokens * inputUsdPerMillion + outputTokens * outputUsdPerMillion) / 1_000_000.0;
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite amount >= 0 USD, was " + value);
    }
  }
}
