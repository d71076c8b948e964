package dev.atomic.engine;

import dev.atomic.exchange.OutputCheck;
import dev.atomic.task.Microtask;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A kind of microtask a pipeline step may ask for, with the Java types of its input and output.
 *
 * <p>A kind whose output type is {@link Plan} is a planner: its step decomposes the request at run time into planned
 * microtasks, which are validated against the registered kinds before any of them runs.
 *
 * @param name the microtask kind, such as {@code email.spam}
 * @param inputType what the winning bidder receives
 * @param outputType what the step produces; bidders' outputs are checked against it
 * @param check the caller's check of each answer (the structured-output layer plugs in here)
 */
public record StepKind(String name, Type inputType, Type outputType, OutputCheck check) {

  public StepKind {
    Microtask.checkKind(name);
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(check, "check");
  }

  /** Whether this kind plans microtasks rather than producing a value. */
  public boolean planner() {
    return outputType == Plan.class;
  }
}
