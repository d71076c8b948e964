package dev.atomic.functions;

import dev.atomic.adapt.Learner;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import java.util.Objects;

/**
 * Says what came of one function call, once: accept it, reject it, or correct it with the right value. The exchange
 * learns the server's track record; the learner (the local heads of the function's kind) learns the accepted or
 * corrected value as a label. Safe to keep and call later, from any thread.
 *
 * @param <T> the function's value type
 */
public final class FeedbackHandle<T> {

  private final Exchange exchange;
  private final Learner learner;
  private final Microtask task;
  private final String decisionId;
  private final T value;

  FeedbackHandle(Exchange exchange, Learner learner, Microtask task, String decisionId, T value) {
    this.exchange = exchange;
    this.learner = learner;
    this.task = task;
    this.decisionId = decisionId;
    this.value = value;
  }

  /** The value was right. */
  public void accept() {
    give(Feedback.accepted(), value);
  }

  /** The value was wrong, and the right one is not known. */
  public void reject() {
    give(Feedback.rejected(), value);
  }

  /** The value had the given quality, in [0, 1]. */
  public void score(double quality) {
    give(Feedback.score(quality), value);
  }

  /** The value was wrong; {@code right} is what it should have been, and teaches the local models. */
  public void correct(T right) {
    Objects.requireNonNull(right, "right");
    exchange.feedback(decisionId, Feedback.rejected());
    learner.learn(task, right, Feedback.accepted());
  }

  private void give(Feedback feedback, T output) {
    exchange.feedback(decisionId, feedback);
    learner.learn(task, output, feedback);
  }

  /** The decision this handle gives feedback to. */
  public String decisionId() {
    return decisionId;
  }
}
