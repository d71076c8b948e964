package dev.atomic.temporal;

import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.JsonCodec;
import dev.atomic.engine.ObserverCalls;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineException;
import dev.atomic.engine.RetryPolicy;
import dev.atomic.engine.RunObserver;
import dev.atomic.engine.StepCall;
import dev.atomic.engine.StepExecutor;
import dev.atomic.engine.StepResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;

/**
 * Serves calls for the workflows on this worker. A step's own retry policy (a fresh auction after every bid failed)
 * runs here, as in the embedded engine; Temporal's activity retries are kept for what the engine cannot see: a worker
 * that died or stopped mid-call.
 *
 * <p>Each call is reported to the worker's {@link RunObserver} through {@link RunObserver#callStarted}, from here and
 * not from the workflow: workflow code replays, an activity runs once per delivery. Each attempt passes through the
 * call's {@code serve}; the call then ends (or fails) before its outcome goes back to the workflow.
 */
final class StepActivitiesImpl implements StepActivities {

  private final Map<String, Pipeline> pipelines;
  private final StepExecutor executor;
  private final RunObserver observer;

  StepActivitiesImpl(Map<String, Pipeline> pipelines, StepExecutor executor, RunObserver observer) {
    this.pipelines = pipelines;
    this.executor = executor;
    this.observer = observer;
  }

  @Override
  public CallOutcome serve(String pipelineName, String runId, String tenant, StepCall call,
      Map<String, String> context) {
    Pipeline pipeline = pipelines.get(pipelineName);
    if (pipeline == null) {
      throw ApplicationFailure.newNonRetryableFailure("no pipeline '" + pipelineName + "' is registered on this worker"
          + " (registered: " + pipelines.keySet() + ")", Failures.PIPELINE);
    }
    Map<String, String> runContext = context == null ? Map.of() : context;
    RunObserver.StepWatch started = ObserverCalls.ask(runId, "callStarted",
        () -> observer.callStarted(runId, pipelineName, tenant, call, runContext));
    RunObserver.StepWatch watch = started != null ? started : RunObserver.StepWatch.NONE;
    try {
      CallOutcome outcome = serve(pipeline, runId, tenant, call, watch);
      StepResult result = new StepResult(call.step(), StepResult.Status.COMPLETED,
          JsonCodec.standard().read(outcome.outputJson()), List.of(outcome));
      ObserverCalls.tell(runId, "ended", () -> watch.ended(result));
      return outcome;
    } catch (ApplicationFailure e) {
      if (Failures.INTERRUPTED.equals(e.getType())) {
        // Not a failure of the call: Temporal delivers it again, and the next delivery is reported on its own.
        StepResult unfinished = new StepResult(call.step(), StepResult.Status.NOT_RUN, null, List.of());
        ObserverCalls.tell(runId, "ended", () -> watch.ended(unfinished));
      } else {
        ObserverCalls.tell(runId, "failed", () -> watch.failed(e.getOriginalMessage()));
      }
      throw e;
    }
  }

  private CallOutcome serve(Pipeline pipeline, String runId, String tenant, StepCall call,
      RunObserver.StepWatch watch) {
    RetryPolicy retry = pipeline.step(call.step()).retry();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      try {
        return executor.execute(pipeline, runId, tenant, call, null, watch);
      } catch (PipelineException e) {
        throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), Failures.PIPELINE);
      } catch (RuntimeException e) {
        last = e;
        if (Thread.currentThread().isInterrupted()) {
          throw ApplicationFailure.newFailure("interrupted while serving " + call.key() + " of run " + runId
              + ": the worker is stopping", Failures.INTERRUPTED);
        }
        if (attempt < retry.maxAttempts() && !retry.backoff().isZero()) {
          try {
            Thread.sleep(retry.backoff());
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted while waiting to retry " + call.key() + " of run " + runId,
                Failures.INTERRUPTED);
          }
        }
      }
    }
    throw ApplicationFailure.newNonRetryableFailure(last.getMessage(), Failures.STEP_FAILED);
  }

}
