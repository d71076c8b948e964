package dev.atomic.adapt;

import java.util.Objects;

/**
 * A verified input/output pair, ready to be placed in a prompt as a demonstration.
 *
 * @param input the microtask's input text
 * @param output the accepted output, as text
 * @param similarity cosine similarity to the query it was retrieved for (NaN when not retrieved by similarity)
 */
public record Example(String input, String output, double similarity) {

  public Example {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
  }
}
