package dev.atomic.adapt;

import dev.atomic.exchange.Execution;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaches a {@link Learner} from the feedback the exchange receives, wherever it comes from (the HTTP API, a pipeline,
 * a program): it remembers each served microtask with its output until the decision's feedback arrives, then hands the
 * three to the learner. This is how the heads of a running service learn from reviewers without retraining.
 *
 * <p>Memory is bounded: the most recent {@code capacity} executions wait for feedback in memory. Feedback on an older
 * one, or on one served before a restart, is taught from the {@link Recall} when one is given (a service recalls the
 * task and its output from its ledger); without one it teaches the exchange only, not the learner.
 */
public final class LearningListener implements ExchangeListener {

  /** A served microtask and the output it was answered with. */
  public record Served(Microtask task, Object output) {

    public Served {
      Objects.requireNonNull(task, "task");
    }
  }

  /** Finds what a decision served when it is no longer in memory, as a ledger can. */
  @FunctionalInterface
  public interface Recall {

    /** The task and output of the decision, or empty when it is unknown or was not served. */
    Optional<Served> served(String decisionId);

    /** Recalls nothing: feedback on what memory no longer holds teaches the exchange only. */
    static Recall nothing() {
      return decisionId -> Optional.empty();
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(LearningListener.class);

  private final Learner learner;
  private final Map<String, Served> awaiting;
  private final Recall recall;

  public LearningListener(Learner learner, int capacity) {
    this(learner, capacity, Recall.nothing());
  }

  public LearningListener(Learner learner, int capacity, Recall recall) {
    this.learner = Objects.requireNonNull(learner, "learner");
    this.recall = Objects.requireNonNull(recall, "recall");
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
    if (served == null) {
      served = recalled(decisionId);
    }
    if (served != null) {
      learner.learn(served.task(), served.output(), feedback);
    }
  }

  /** What the recall finds; a recall that fails costs the learner this lesson, never the feedback its other uses. */
  private Served recalled(String decisionId) {
    try {
      return recall.served(decisionId).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("feedback on decision {} teaches the exchange but not the learner: its task could not be recalled ({})",
          decisionId, e.getMessage());
      return null;
    }
  }

  /** How many executions are waiting for their feedback. */
  public int waiting() {
    synchronized (awaiting) {
      return awaiting.size();
    }
  }
}
