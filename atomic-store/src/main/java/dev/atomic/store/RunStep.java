package dev.atomic.store;

/**
 * Where a microtask of a pipeline run belongs, for the run and step columns of its microtask and decision entries.
 *
 * @param runId the run
 * @param stepId the step of that run
 */
public record RunStep(String runId, String stepId) {

  public RunStep {
    Checks.id("run id", runId);
    Checks.id("step id", stepId);
  }
}
