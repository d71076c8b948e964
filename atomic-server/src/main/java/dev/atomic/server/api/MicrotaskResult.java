package dev.atomic.server.api;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Execution;
import java.util.List;

/**
 * What serving a microtask produced: the accepted output, who served it, what it cost, and the decision behind it, in
 * brief unless the caller asked for its explanation (building and sending every bid's view costs more than the rest of
 * the answer, on every call, for a view most callers never read; {@code GET /v1/decisions/{id}} has it any time).
 * {@code usage} is every attempt's tokens together (-1 when no bidder reported any) and the models called;
 * {@code repairs} what the output check fixed in the accepted output.
 */
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
    Usage usage,
    List<String> repairs,
    ShownDecision decision) {

  static MicrotaskResult of(String taskId, Execution e, boolean explained) {
    return new MicrotaskResult(taskId, e.decision().id(), "succeeded", e.servedBy(), e.output(), e.totalCostUsd(),
        e.attempts().stream().mapToDouble(Attempt::latencyMs).sum(), e.escalated(), e.attempts(), e.totalUsage(),
        e.repairs(), explained ? DecisionView.of(e.decision()) : DecisionBrief.of(e.decision()));
  }
}
