package dev.atomic.output;

import dev.atomic.output.parse.ParseLimits;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link StructuredOutput} of each output type, built once and shared: what a re-asking bidder or an exchange check
 * looks up by a microtask's {@code outputType}. Thread-safe.
 */
public final class OutputCatalog {

  private final ParseLimits limits;
  private final Map<Type, StructuredOutput<?>> outputs = new ConcurrentHashMap<>();

  public OutputCatalog(ParseLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A catalog with the default parse limits. */
  public static OutputCatalog withDefaults() {
    return new OutputCatalog(ParseLimits.DEFAULT);
  }

  /**
   * The structured output of a type, built on first use.
   *
   * @throws IllegalArgumentException when the type cannot be described by a JSON Schema
   */
  public StructuredOutput<?> forType(Type type) {
    Objects.requireNonNull(type, "type");
    return outputs.computeIfAbsent(type, t -> StructuredOutput.forType(t, limits));
  }

  /** The structured output of a class, typed. */
  @SuppressWarnings("unchecked")
  public <T> StructuredOutput<T> forClass(Class<T> type) {
    return (StructuredOutput<T>) forType(type);
  }
}
