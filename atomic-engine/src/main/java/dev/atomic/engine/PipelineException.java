package dev.atomic.engine;

import dev.atomic.AtomicException;

/**
 * A pipeline that cannot run as written: a cycle, an unknown step kind, a type mismatch between steps, a bad expression
 * or, at run time, a planner's plan that names what is not registered. The message names the source, line and step.
 */
public final class PipelineException extends AtomicException {

  private final transient Location location;
  private final String step;

  public PipelineException(Location location, String step, String problem) {
    super(location + ": " + (step == null ? "" : "step '" + step + "': ") + problem);
    this.location = location;
    this.step = step;
  }

  /** Where the problem is. */
  public Location location() {
    return location;
  }

  /** The step at fault, or {@code null} when the problem is the pipeline's own. */
  public String step() {
    return step;
  }
}
