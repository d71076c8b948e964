package dev.atomic.temporal;

import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.StepCall;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Serves one microtask of a pipeline through the worker's exchange. */
@ActivityInterface
public interface StepActivities {

  /** Auctions and serves the call; the returned award and output are recorded in the workflow's history. */
  @ActivityMethod(name = "AtomicServeStep")
  CallOutcome serve(String pipeline, String runId, String tenant, StepCall call);
}
