package dev.atomic.adapt;

import dev.atomic.exchange.Execution;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Teaches a {@link Learner} from the feedback the exchange receives, wherever it comes from (the HTTP API, a pipeline,
 * a program): it remembers each served microtask with its output until the decision's feedback arrives, then hands the
 * three to the learner. This is how the heads of a running service learn from reviewers without retraining.
 *
 * <p>Memory is bounded: the most recent {@code capacity} executions wait for feedback; older ones are forgotten, and
 * their feedback still teaches the exchange, just not the learner. They live in memory only, so feedback on a decision
 * made before a restart teaches the exchange (whose pending awards are saved) but not the heads.
 */
public final class LearningListener implements ExchangeListener {

  private record Served(Microtask task, Object output) {}

  private final Learner learner;
  private final Map<String, Served> awaiting;

  public LearningListener(Learner learner, int capacity) {
    this.learner = Objects.requireNonNull(learner, "learner");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.awaiting = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Served> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    synchronized (awaiting) {
      awaiting.put(execution.decision().id(), new Served(task, execution.output()));
    }
  }

  @Override
  public void onFeedback(String decisionId, Feedback feedback) {
    Served served;
    synchronized (awaiting) {
      served = awaiting.remove(decisionId);
    }
    if (served != null) {
      learner.learn(served.task(), served.output(), feedback);
    }
  }

  /** How many executions are waiting for their feedback. */
  public int waiting() {
    synchronized (awaiting) {
      return awaiting.size();
    }
  }
}
