package dev.atomic.bench.routing;

import java.util.Objects;

/**
 * A prompt as a router sees it, and the input of each routed microtask: text only, no response, outcome or cost of any
 * model, so nothing that decides an award can peek at what the models did.
 *
 * @param id the sample id
 * @param task the benchmark it comes from
 * @param text the full prompt (few-shot examples included), as sent to the models
 * @param question the question proper: the last block of a few-shot prompt, the whole prompt otherwise
 */
record Prompt(String id, Task task, String text, String question) {

  Prompt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(question, "question");
  }

  static Prompt of(String id, Task task, String text) {
    return new Prompt(id, task, text, question(task, text));
  }

  /** About four characters a token for English text and code (the usual rule of thumb for BPE tokenisers). */
  int estimatedTokens() {
    return Math.max(1, (text.length() + 3) / 4);
  }

  /**
   * The question proper. ARC and WinoGrande prompts put solved examples first, so the question is the block after the
   * last blank line; embedding the whole prompt would mostly embed the examples.
   */
  static String question(Task task, String text) {
    if (!task.multipleChoice()) {
      return text.strip();
    }
    String trimmed = text.strip();
    int cut = trimmed.lastIndexOf("\n\n");
    return cut < 0 ? trimmed : trimmed.substring(cut + 2).strip();
  }
}
