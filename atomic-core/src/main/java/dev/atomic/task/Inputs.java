package dev.atomic.task;

import java.util.Objects;
import java.util.Optional;

/** Reads a microtask's input in the form a bidder understands. */
public final class Inputs {

  private Inputs() {}

  /** The input as {@code type}: itself when it is one, else the view it offers ({@link InputViews}), else empty. */
  public static <V> Optional<V> as(Object input, Class<V> type) {
    Objects.requireNonNull(type, "type");
    if (type.isInstance(input)) {
      return Optional.of(type.cast(input));
    }
    if (input instanceof InputViews views) {
      return views.view(type).filter(type::isInstance);
    }
    return Optional.empty();
  }

  /** The input as text: a {@link CharSequence} itself, or the {@code CharSequence} view it offers. */
  public static Optional<String> text(Object input) {
    return as(input, CharSequence.class).map(CharSequence::toString);
  }
}
