package dev.atomic.store;

import dev.atomic.task.Microtask;
import java.time.Instant;
import java.util.Objects;

/**
 * A microtask put to the exchange. Its input is written as JSON (the write fails if it cannot be); its features are
 * not kept.
 *
 * @param task the microtask
 * @param runId the run it belongs to, or {@code null}
 * @param stepId the step it belongs to, or {@code null}
 * @param at when it was created
 */
public record MicrotaskEntry(Microtask task, String runId, String stepId, Instant at) implements LedgerEntry {

  public MicrotaskEntry {
    Objects.requireNonNull(task, "task");
    Checks.optionalId("run id", runId);
    Checks.optionalId("step id", stepId);
    Objects.requireNonNull(at, "at");
  }

  @Override
  public String describe() {
    return "microtask " + task.id() + " (" + task.kind() + ")";
  }
}
