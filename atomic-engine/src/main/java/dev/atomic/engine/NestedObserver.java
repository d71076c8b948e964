package dev.atomic.engine;

import dev.atomic.task.Microtask;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Two observers as one: see {@link RunObserver#nested}. */
record NestedObserver(RunObserver outer, RunObserver inner) implements RunObserver {

  @Override
  public RunWatch runStarted(String runId, String pipeline, String tenant, boolean resumed) {
    return new Run(outer.runStarted(runId, pipeline, tenant, resumed), inner.runStarted(runId, pipeline, tenant,
        resumed));
  }

  @Override
  public StepWatch callStarted(String runId, String pipeline, String tenant, StepCall call,
      Map<String, String> context) {
    return new Step(outer.callStarted(runId, pipeline, tenant, call, context),
        inner.callStarted(runId, pipeline, tenant, call, context));
  }

  private record Run(RunWatch outer, RunWatch inner) implements RunWatch {

    /** Both contexts; the inner one's value where both name the same key. */
    @Override
    public Map<String, String> context() {
      Map<String, String> both = new HashMap<>(outer.context());
      both.putAll(inner.context());
      return Map.copyOf(both);
    }

    @Override
    public StepWatch stepStarted(String stepId) {
      return new Step(outer.stepStarted(stepId), inner.stepStarted(stepId));
    }

    @Override
    public void ended(RunResult result) {
      inner.ended(result);
      outer.ended(result);
    }

    @Override
    public void abandoned(String why) {
      inner.abandoned(why);
      outer.abandoned(why);
    }
  }

  private record Step(StepWatch outer, StepWatch inner) implements StepWatch {

    @Override
    public <T> T serve(Microtask task, Supplier<T> work) {
      return outer.serve(task, () -> inner.serve(task, work));
    }

    @Override
    public void ended(StepResult result) {
      inner.ended(result);
      outer.ended(result);
    }

    @Override
    public void failed(String why) {
      inner.failed(why);
      outer.failed(why);
    }
  }
}
