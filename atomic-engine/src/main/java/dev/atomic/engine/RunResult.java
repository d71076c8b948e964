package dev.atomic.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a run ended, with every step's result.
 *
 * @param runId the run's id
 * @param pipeline the pipeline's name
 * @param status how the run ended
 * @param steps each step's result, in the order written
 * @param failure why the run failed, or {@code null}
 */
public record RunResult(String runId, String pipeline, Status status, Map<String, StepResult> steps, String failure) {

  public RunResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(status, "status");
    steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
  }

  /** How a run ended. */
  public enum Status {
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  public StepResult step(String id) {
    StepResult result = steps.get(id);
    if (result == null) {
      throw new IllegalArgumentException("run " + runId + " has no step '" + id + "' (steps: " + steps.keySet() + ")");
    }
    return result;
  }

  /** A completed step's output as the given class. */
  public <T> T output(String step, Class<T> type) {
    return type.cast(step(step).output(type));
  }

  /** What every call of the run cost, in USD. */
  public double costUsd() {
    return steps.values().stream().mapToDouble(StepResult::costUsd).sum();
  }
}
