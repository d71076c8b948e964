package dev.atomic.models.llm.gguf;

/**
 * Renders a system and a user text into the raw prompt a GGUF model continues. Models are trained on one format;
 * give the one yours expects.
 */
@FunctionalInterface
public interface ChatTemplate {

  /** The raw prompt; {@code system} is empty when there is none. */
  String render(String system, String user);

  /**
   * ChatML ({@code <|im_start|>role ... <|im_end|>}), which Qwen, many fine-tunes and llama.cpp's own fallback use.
   */
  static ChatTemplate chatMl() {
    return (system, user) -> (system.isEmpty() ? "" : "<|im_start|>system\n" + system + "<|im_end|>\n")
        + "<|im_start|>user\n" + user + "<|im_end|>\n<|im_start|>assistant\n";
  }

  /** The texts as they are, separated by a blank line: for base models and tests. */
  static ChatTemplate plain() {
    return (system, user) -> system.isEmpty() ? user : system + "\n\n" + user;
  }
}
