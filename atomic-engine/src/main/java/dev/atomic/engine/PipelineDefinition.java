package dev.atomic.engine;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline as written, before it is checked; {@link Pipeline#compile} checks it.
 *
 * @param name the pipeline's name; runs and journals refer to it
 * @param requestType the Java type of the request
 * @param steps the steps in the order written
 * @param location where the pipeline was written
 */
public record PipelineDefinition(String name, Type requestType, List<StepDefinition> steps, Location location) {

  public PipelineDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requestType, "requestType");
    steps = List.copyOf(steps);
    Objects.requireNonNull(location, "location");
  }
}
