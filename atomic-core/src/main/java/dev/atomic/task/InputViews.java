package dev.atomic.task;

import java.util.Optional;

/**
 * A microtask input that can be seen in more than one way. The typed-function layer's invocation, for example, is plain
 * text to a local classifier, a rendered prompt to an LLM, and a token sink to a streaming model: each bidder asks for
 * the view it understands through {@link Inputs#as}, and abstains when there is none.
 */
public interface InputViews {

  /** This input seen as {@code type}, or empty when it has no such view. */
  <V> Optional<V> view(Class<V> type);
}
