package dev.atomic.functions;

import dev.atomic.bidding.TokenSink;
import dev.atomic.models.llm.Prompt;
import dev.atomic.task.InputViews;
import java.util.Map;
import java.util.Optional;

/**
 * One call of a function as a microtask's input. It offers each bidder the view it understands: the input text to a
 * local model ({@code CharSequence}), the rendered prompt to an LLM ({@link Prompt}), the argument map, and, for a
 * streaming call, a {@link TokenSink}.
 *
 * @param function the function's name, {@code Interface.method}
 * @param arguments the arguments by parameter name
 * @param text the text local models read, or null when the function has none
 * @param prompt the rendered prompt, or null when the function has no instructions
 * @param sink where a streaming model may send its output early, or null
 */
record Invocation(String function, Map<String, Object> arguments, String text, Prompt prompt, TokenSink sink)
    implements InputViews {

  @Override
  public <V> Optional<V> view(Class<V> type) {
    Object view = null;
    if (type == CharSequence.class || type == String.class) {
      view = text;
    } else if (type == Prompt.class) {
      view = prompt;
    } else if (type == TokenSink.class) {
      view = sink;
    } else if (type == Map.class) {
      view = arguments;
    }
    return Optional.ofNullable(view).map(type::cast);
  }

  @Override
  public String toString() {
    // Never the arguments: they may hold personal data, and toString ends up in logs.
    return "Invocation[" + function + "]";
  }
}
