package dev.atomic.store;

import java.time.Instant;
import java.util.List;

/**
 * A run with its steps and the decisions made for it.
 *
 * @param id the run id
 * @param requestId the request it serves, or {@code null}
 * @param pipeline the pipeline's name
 * @param tenant who asked
 * @param status its last status
 * @param startedAt when it started
 * @param updatedAt when its status last changed
 * @param steps its steps, in the order they were first recorded
 * @param decisions its decisions, oldest first
 */
public record RunView(
    String id,
    String requestId,
    String pipeline,
    String tenant,
    String status,
    Instant startedAt,
    Instant updatedAt,
    List<StepView> steps,
    List<DecisionSummary> decisions) {

  public RunView {
    steps = List.copyOf(steps);
    decisions = List.copyOf(decisions);
  }
}
