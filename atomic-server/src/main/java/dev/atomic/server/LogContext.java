package dev.atomic.server;

import dev.atomic.engine.RunObserver;
import dev.atomic.engine.StepCall;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.task.Microtask;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts each decision's id in the log context of the thread that made it, so every log line written for it afterwards
 * carries it; registered first, before the listeners that log. As the engine's observer it also puts a run's microtask,
 * with its run and step, in the log context of the thread serving it, for as long as it is served.
 *
 * <p>Whatever it puts there it removes when the microtask is done: the request routes ({@code MicrotaskRoutes}) remove
 * the decision id of theirs, and a step's {@link #runStarted serve} removes its own, so no id outlives its microtask on
 * a thread that serves something else next (a pooled thread, or a retry on the same one).
 */
final class LogContext implements ExchangeListener, RunObserver {

  private static final Logger LOG = LoggerFactory.getLogger(LogContext.class);

  @Override
  public void onDecision(Microtask task, Decision decision) {
    MDC.put("decision_id", decision.id());
    LOG.debug("auction for {} ({}) awarded to {}", task.id(), task.kind(), decision.winner());
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    LOG.warn("every attempt to serve {} ({}) failed: {}", task.id(), task.kind(), failure.getMessage());
  }

  @Override
  public RunWatch runStarted(String runId, String pipeline, String tenant, boolean resumed) {
    return new RunWatch() {
      @Override
      public StepWatch stepStarted(String stepId) {
        return new StepWatch() {
          @Override
          public <T> T serve(Microtask task, Supplier<T> work) {
            return inContext(runId, stepId, task, work);
          }
        };
      }
    };
  }

  /** A call of a run driven elsewhere (a Temporal worker's activity): the same ids, for as long as it is served. */
  @Override
  public StepWatch callStarted(String runId, String pipeline, String tenant, StepCall call,
      Map<String, String> context) {
    return new StepWatch() {
      @Override
      public <T> T serve(Microtask task, Supplier<T> work) {
        return inContext(runId, call.step(), task, work);
      }
    };
  }

  private static <T> T inContext(String runId, String stepId, Microtask task, Supplier<T> work) {
    MDC.put("run_id", runId);
    MDC.put("step_id", stepId);
    MDC.put("task_id", task.id());
    MDC.put("tenant", task.tenant());
    try {
      return work.get();
    } finally {
      MDC.remove("run_id");
      MDC.remove("step_id");
      MDC.remove("task_id");
      MDC.remove("tenant");
      MDC.remove("decision_id");
    }
  }
}
