package dev.atomic.store;

import dev.atomic.exchange.Decision;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the store has recorded: runs, decisions and how each bidder fares. Sees every write whose future has
 * completed.
 */
public interface Ledger {

  /** A run with its steps and decisions, or empty when no run has that id. */
  Optional<RunView> run(String runId);

  /** The ids of the runs whose last recorded status is {@code status}, oldest first, at most {@code limit}. */
  List<String> runIds(String status, int limit);

  /** A whole recorded decision, every bid and exclusion included, or empty when none has that id. */
  Optional<Decision> decision(String decisionId);

  /** A decision with its execution, output and feedback as far as they were recorded, or empty for an unknown id. */
  Optional<AwardView> award(String decisionId);

  /**
   * The awards of the {@code limit} most recent decisions (by decision time, ties by id), oldest first, each as
   * {@link #award} returns it. Reads them in a few queries, not several per decision, and holds them all in memory, so
   * the caller bounds {@code limit}.
   */
  List<AwardView> recentAwards(int limit);

  /** A request as recorded, its payload included when it was kept, or empty when none has that id. */
  Optional<RequestEntry> request(String requestId);

  /** A microtask as first recorded, its input included, or empty when none has that id. */
  Optional<TaskView> task(String taskId);

  /** The decisions the query matches, newest first (ties by id), one page. */
  Page<DecisionSummary> decisions(DecisionQuery query);

  /**
   * How every arm fared in the decisions that match the query's filters (its page is ignored), ordered by arm id.
   * An arm that never took part in a matching decision is absent.
   */
  List<BidderStats> bidderStats(DecisionQuery filter);
}
