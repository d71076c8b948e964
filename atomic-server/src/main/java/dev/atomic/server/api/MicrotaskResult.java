package dev.atomic.server.api;

import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Execution;
import java.util.List;

/** What serving a microtask produced: the accepted output, who served it, what it cost, and the decision behind it. */
record MicrotaskResult(
    String taskId,
    String decisionId,
    String status,
    String servedBy,
    Object output,
    double costUsd,
    double latencyMs,
    boolean escalated,
    List<Attempt> attempts,
    DecisionView decision) {

  static MicrotaskResult of(String taskId, Execution e) {
    return new MicrotaskResult(taskId, e.decision().id(), "succeeded", e.servedBy(), e.output(), e.totalCostUsd(),
        e.attempts().stream().mapToDouble(Attempt::latencyMs).sum(), e.escalated(), e.attempts(),
        DecisionView.of(e.decision()));
  }
}
