package dev.atomic.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A step as written, before it is checked: what the YAML loader and the Java builder both produce.
 *
 * @param id the step's name, unique in the pipeline
 * @param kind the registered step kind
 * @param input the input: a template string such as {@code ${request.body}}, a literal, or a map from the input record's
 *     field names to templates or literals
 * @param when a boolean template; the step is skipped when it is false; {@code null} to always run
 * @param forEach a list template; the step runs once per element, bound to {@code item}; {@code null} for once
 * @param after steps to wait for besides those the expressions read
 * @param constraints the limits on each of the step's awards
 * @param timeout how long one microtask of the step may take, or {@code null} for no limit of its own
 * @param retry how often to auction again when every bid failed
 * @param location where the step was written
 * @param places where its parts were written ({@code input}, {@code input.text}, {@code when}, ...), for errors
 */
public record StepDefinition(
    String id,
    String kind,
    Object input,
    String when,
    String forEach,
    List<String> after,
    StepConstraints constraints,
    Duration timeout,
    RetryPolicy retry,
    Location location,
    Map<String, Location> places) {

  public StepDefinition {
    Objects.requireNonNull(id, "id");
    after = List.copyOf(after);
    Objects.requireNonNull(constraints, "constraints");
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("step '" + id + "' timeout must be positive, was " + timeout);
    }
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(location, "location");
    places = Map.copyOf(places);
  }

  /** Where a part was written, or the step's own location. */
  Location at(String part) {
    return places.getOrDefault(part, location);
  }
}
