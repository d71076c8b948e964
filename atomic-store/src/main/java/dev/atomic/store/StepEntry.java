package dev.atomic.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A step of a run, or a change of its status; the run must have been recorded first.
 *
 * @param runId the run
 * @param stepId the step's id within the run
 * @param status a free status word such as {@code running}, {@code succeeded}, {@code failed}
 * @param taskId the microtask the step put to the exchange, or {@code null}
 * @param detail a short note for a person (an error, a retry count); empty when none
 * @param at when the step changed status
 */
public record StepEntry(String runId, String stepId, String status, String taskId, String detail, Instant at)
    implements LedgerEntry {

  public StepEntry {
    Checks.id("run id", runId);
    Checks.id("step id", stepId);
    Checks.id("step status", status);
    Checks.optionalId("task id", taskId);
    detail = detail == null ? "" : detail;
    Objects.requireNonNull(at, "at");
  }

  @Override
  public String describe() {
    return "step " + stepId + " of run " + runId + " (" + status + ")";
  }
}
