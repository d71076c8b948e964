package dev.atomic.functions;

import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Execution;
import java.util.Objects;

/**
 * A function's value with how it was obtained: the exchange's decision (who served it, what it cost, why) and a handle
 * to give feedback once the truth is known. Declare {@code Result<T>} as a method's return type to get one.
 *
 * @param value the validated value
 * @param execution the award's execution: decision, attempts, cost
 * @param feedback where to say, now or later, whether the value was right
 * @param <T> the value's type
 */
public record Result<T>(T value, Execution execution, FeedbackHandle<T> feedback) {

  public Result {
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(feedback, "feedback");
  }

  /** The auction behind the value. */
  public Decision decision() {
    return execution.decision();
  }

  /** Who served the value: a bidder or a strategy id. */
  public String servedBy() {
    return execution.servedBy();
  }

  /** What the call cost in all, escalations included, in USD. */
  public double costUsd() {
    return execution.totalCostUsd();
  }
}
