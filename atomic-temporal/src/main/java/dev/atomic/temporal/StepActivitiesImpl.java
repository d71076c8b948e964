package dev.atomic.temporal;

import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineException;
import dev.atomic.engine.RetryPolicy;
import dev.atomic.engine.StepCall;
import dev.atomic.engine.StepExecutor;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;

/**
 * Serves calls for the workflows on this worker. A step's own retry policy (a fresh auction after every bid failed)
 * runs here, as in the embedded engine; Temporal's activity retries are kept for what the engine cannot see: a worker
 * that died or stopped mid-call.
 */
final class StepActivitiesImpl implements StepActivities {

  private final Map<String, Pipeline> pipelines;
  private final StepExecutor executor;

  StepActivitiesImpl(Map<String, Pipeline> pipelines, StepExecutor executor) {
    this.pipelines = pipelines;
    this.executor = executor;
  }

  @Override
  public CallOutcome serve(String pipelineName, String runId, String tenant, StepCall call) {
    Pipeline pipeline = pipelines.get(pipelineName);
    if (pipeline == null) {
      throw ApplicationFailure.newNonRetryableFailure("no pipeline '" + pipelineName + "' is registered on this worker"
          + " (registered: " + pipelines.keySet() + ")", Failures.PIPELINE);
    }
    RetryPolicy retry = pipeline.step(call.step()).retry();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      try {
        return executor.execute(pipeline, runId, tenant, call, null);
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
