package dev.atomic.output.recover;

import java.util.Objects;

/**
 * What a model is told when its output could not be used: what it wrote, what was wrong, and the type to answer with.
 *
 * @param previousOutput the model's previous output, exactly as received
 * @param problems what was wrong, one problem per line, each with its JSON path, expectation and finding
 * @param typeDescription the compact rendering of the expected type
 * @param attempt 1 for the first re-ask, 2 for the second, and so on
 */
public record Reask(String previousOutput, String problems, String typeDescription, int attempt) {

  public Reask {
    Objects.requireNonNull(previousOutput, "previousOutput");
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(typeDescription, "typeDescription");
    if (attempt < 1) {
      throw new IllegalArgumentException("a re-ask's attempt number starts at 1, was " + attempt);
    }
  }

  /** The follow-up message to send after the original prompt and the model's previous answer. */
  public String prompt() {
    return "Your previous answer could not be used:\n" + problems
        + "\nReply again with JSON matching this type, and nothing else:\n" + typeDescription;
  }
}
