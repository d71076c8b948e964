package dev.atomic.temporal;

import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.StepCall;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Map;

/** Serves one microtask of a pipeline through the worker's exchange. */
@ActivityInterface
public interface StepActivities {

  /**
   * Auctions and serves the call; the returned award and output are recorded in the workflow's history. The
   * {@code context} is the run's (see {@link RunInput#context()}), for the worker's observer; {@code null} from a
   * workflow scheduled before it was passed.
   */
  @ActivityMethod(name = "AtomicServeStep")
  CallOutcome serve(String pipeline, String runId, String tenant, StepCall call, Map<String, String> context);
}
