package dev.atomic.temporal;

import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.JsonCodec;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineException;
import dev.atomic.engine.RunState;
import dev.atomic.engine.Step;
import dev.atomic.engine.StepCall;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a {@link RunState} from workflow code: the same scheduling rules as the embedded engine, with each call an
 * activity. Activity results are in the workflow's history, so a replay (after a worker dies, or on another worker)
 * feeds the recorded awards back without auctioning or serving again. Everything here is deterministic: the run state
 * orders its calls, and the loop handles completions in the order Temporal replays them.
 */
final class PipelineWorkflowImpl implements PipelineWorkflow {

  private final Map<String, Pipeline> pipelines;
  private final TemporalWorker.Settings settings;
  private final Map<String, StepActivities> stubs = new HashMap<>();

  PipelineWorkflowImpl(Map<String, Pipeline> pipelines, TemporalWorker.Settings settings) {
    this.pipelines = pipelines;
    this.settings = settings;
  }

  @Override
  public RunRecord run(RunInput input) {
    Pipeline pipeline = pipelines.get(input.pipeline());
    if (pipeline == null) {
      throw ApplicationFailure.newNonRetryableFailure("no pipeline '" + input.pipeline()
          + "' is registered on this worker (registered: " + pipelines.keySet() + ")", Failures.PIPELINE);
    }
    String runId = Workflow.getInfo().getWorkflowId();
    RunState state = new RunState(pipeline, JsonCodec.standard().read(input.requestJson()));
    Map<String, Promise<CallOutcome>> inFlight = new LinkedHashMap<>();
    Map<String, String> stepOf = new HashMap<>();
    List<CallOutcome> served = new ArrayList<>();
    while (true) {
      List<StepCall> next;
      try {
        next = state.next();
      } catch (PipelineException e) {
        throw failed(e.getMessage(), input, served);
      }
      for (StepCall call : next) {
        StepActivities stub = stubs.computeIfAbsent(call.step(), id -> stubFor(pipeline.step(id)));
        inFlight.put(call.key(), Async.function(stub::serve, pipeline.name(), runId, input.tenant(), call,
            input.context()));
        stepOf.put(call.key(), call.step());
      }
      if (state.finished()) {
        return new RunRecord(input.requestJson(), served);
      }
      if (inFlight.isEmpty()) {
        // Cannot happen with a checked pipeline; guarded so that a bug fails the run instead of blocking it forever.
        throw failed("run stalled: no call is in flight and no step is ready", input, served);
      }
      try {
        Promise.anyOf(inFlight.values()).get();
      } catch (RuntimeException e) {
        // handled below, with the call it belongs to
      }
      for (Iterator<Map.Entry<String, Promise<CallOutcome>>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Promise<CallOutcome>> entry = it.next();
        Promise<CallOutcome> promise = entry.getValue();
        if (!promise.isCompleted()) {
          continue;
        }
        it.remove();
        RuntimeException failure = promise.getFailure();
        if (failure != null) {
          throw failed("step '" + stepOf.get(entry.getKey()) + "' failed (call " + entry.getKey() + "): "
              + reason(failure), input, served);
        }
        CallOutcome outcome = promise.get();
        served.add(outcome);
        state.completed(outcome);
      }
    }
  }

  private StepActivities stubFor(Step step) {
    Duration perAttempt = step.timeout().orElse(settings.defaultStepTimeout());
    int attempts = step.retry().maxAttempts();
    Duration startToClose = perAttempt.multipliedBy(attempts).plus(step.retry().backoff().multipliedBy(attempts - 1));
    return Workflow.newActivityStub(StepActivities.class, ActivityOptions.newBuilder()
        .setTaskQueue(settings.activityTaskQueue())
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(settings.redeliveryInterval())
            .setBackoffCoefficient(2.0)
            .setMaximumAttempts(settings.maxDeliveries())
            .setDoNotRetry(Failures.PIPELINE, Failures.STEP_FAILED)
            .build())
        .build());
  }

  private static ApplicationFailure failed(String why, RunInput input, List<CallOutcome> served) {
    return ApplicationFailure.newNonRetryableFailure(why, Failures.RUN_FAILED, new RunRecord(input.requestJson(),
        served));
  }

  /** The innermost message: the exchange's own words, not Temporal's wrappers. */
  private static String reason(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof ApplicationFailure af ? af.getOriginalMessage() : String.valueOf(t.getMessage());
  }
}
