package dev.atomic.engine;

import java.util.List;
import java.util.Objects;

/**
 * What a planner step returns: the microtasks to run for this request. The engine validates every task against the
 * registered kinds before it runs any, so a bad plan fails the step without spending anything.
 *
 * @param tasks the planned microtasks; they run in parallel and the step's output maps each name to its output
 */
public record Plan(List<PlannedTask> tasks) {

  public Plan {
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
  }

  /**
   * One planned microtask.
   *
   * @param name unique within the plan; the key of its output
   * @param kind a registered, non-planner step kind
   * @param input the input, as a value that converts to the kind's input type (a record, or a map of its fields)
   */
  public record PlannedTask(String name, String kind, Object input) {}
}
