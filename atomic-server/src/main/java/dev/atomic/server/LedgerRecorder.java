package dev.atomic.server;

import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.server.api.ActiveRuns;
import dev.atomic.store.DecisionEntry;
import dev.atomic.store.ExecutionEntry;
import dev.atomic.store.LedgerEntry;
import dev.atomic.store.OutputEntry;
import dev.atomic.store.Store;
import dev.atomic.store.StoreException;
import dev.atomic.task.Microtask;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes every decision and execution to the ledger as the exchange reports it, and puts the decision id in the log
 * context of the thread that made it. Writes are queued (the store commits them in batches), so recording costs the
 * auction only an enqueue; a write that fails later is logged with its ids.
 */
final class LedgerRecorder implements ExchangeListener {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerRecorder.class);

  private final Store store;
  private final InstantSource clock;
  private final ActiveRuns runs;

  LedgerRecorder(Store store, InstantSource clock, ActiveRuns runs) {
    this.store = store;
    this.clock = clock;
    this.runs = runs;
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    MDC.put("decision_id", decision.id());
    LOG.debug("auction for {} ({}) awarded to {}", task.id(), task.kind(), decision.winner());
    var step = runs.stepOf(task);
    step.ifPresent(s -> {
      MDC.put("run_id", s.runId());
      MDC.put("step_id", s.stepId());
    });
    record(step.map(s -> new DecisionEntry(decision, s.runId(), s.stepId())).orElseGet(() -> DecisionEntry.of(decision)));
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    record(ExecutionEntry.of(execution, clock.instant()));
    try {
      record(OutputEntry.of(execution, clock.instant()));
    } catch (StoreException e) {
      LOG.warn("the output of decision {} was not written to the ledger: {}", execution.decision().id(),
          e.getMessage());
    }
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    LOG.warn("every attempt to serve {} ({}) failed: {}", task.id(), task.kind(), failure.getMessage());
    record(ExecutionEntry.failed(failure, clock.instant()));
  }

  private void record(LedgerEntry entry) {
    store.record(entry).whenComplete((ok, e) -> {
      if (e != null) {
        LOG.warn("{} was not written to the ledger: {}", entry.describe(), e.getMessage());
      }
    });
  }
}
