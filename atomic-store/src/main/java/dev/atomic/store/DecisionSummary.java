package dev.atomic.store;

import java.time.Instant;

/**
 * The queryable columns of a recorded decision; {@link Ledger#decision} returns the whole decision.
 *
 * @param id the decision id
 * @param taskId the microtask auctioned
 * @param kind the microtask's kind
 * @param tenant the microtask's tenant
 * @param winner the winning arm, or {@code null} when no bid was eligible
 * @param decidedAt when the auction closed
 * @param margin the winner's utility over the runner-up's; NaN without a runner-up
 * @param explored whether exploration changed the winner
 * @param runId the run it belongs to, or {@code null}
 * @param stepId the step it belongs to, or {@code null}
 */
public record DecisionSummary(
    String id,
    String taskId,
    String kind,
    String tenant,
    String winner,
    Instant decidedAt,
    double margin,
    boolean explored,
    String runId,
    String stepId) {}
