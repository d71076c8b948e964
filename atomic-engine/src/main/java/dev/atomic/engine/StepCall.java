package dev.atomic.engine;

import java.util.Objects;

/**
 * One microtask a run needs served: a step's single call, one element of a fan-out, a planner's plan or one planned
 * task. The key is unique within the run and stable across resumes and replays, so the journal and workflow history can
 * tell which calls are done.
 *
 * @param key {@code step}, {@code step[2]} for a fan-out element, {@code step/name} for a planned task
 * @param step the step it belongs to
 * @param kind the microtask kind
 * @param inputJson the input as JSON; converted to the kind's input type when served
 */
public record StepCall(String key, String step, String kind, String inputJson) {

  public StepCall {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(inputJson, "inputJson");
  }
}
