package dev.atomic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * How one step of a run ended.
 *
 * @param step the step's id
 * @param status whether it ran, was skipped, or never got to run
 * @param output its output as JSON ({@code null} unless completed): a list for a fan-out, an object by task name for a
 *     planner
 * @param calls the calls it made, in order, each with its award
 */
public record StepResult(String step, Status status, JsonNode output, List<CallOutcome> calls) {

  public StepResult {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    calls = List.copyOf(calls);
  }

  /** How a step ended. */
  public enum Status {
    COMPLETED,
    /** Its condition was false, or a step it depends on was skipped. */
    SKIPPED,
    /** The run stopped before it ran. */
    NOT_RUN
  }

  /** The output as the given type. */
  public Object output(Type type) {
    if (status != Status.COMPLETED) {
      throw new IllegalStateException("step '" + step + "' has no output: it is " + status);
    }
    return JsonCodec.standard().convert(output, type);
  }

  /** What the step's calls cost together, in USD. */
  public double costUsd() {
    return calls.stream().mapToDouble(CallOutcome::costUsd).sum();
  }
}
