package dev.atomic.server;

import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.server.api.ActiveRuns;
import dev.atomic.store.RunStep;
import dev.atomic.task.Microtask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts each decision's id, and its run and step when it belongs to a pipeline run, in the log context of the thread
 * that made it, so every log line written for it afterwards carries them. Registered first, before the listeners that
 * log.
 */
final class LogContext implements ExchangeListener {

  private static final Logger LOG = LoggerFactory.getLogger(LogContext.class);

  private final ActiveRuns runs;

  LogContext(ActiveRuns runs) {
    this.runs = runs;
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    MDC.put("decision_id", decision.id());
    runs.stepOf(task).ifPresent(step -> {
      MDC.put("run_id", step.runId());
      MDC.put("step_id", step.stepId());
    });
    LOG.debug("auction for {} ({}) awarded to {}", task.id(), task.kind(), decision.winner());
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    LOG.warn("every attempt to serve {} ({}) failed: {}", task.id(), task.kind(), failure.getMessage());
  }
}
