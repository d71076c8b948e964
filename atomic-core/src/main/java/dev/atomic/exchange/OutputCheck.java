package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.task.Microtask;
import java.util.Objects;

/**
 * The caller's check of an answer: accept it (possibly turned into another value, such as a parsed record), or reject it
 * with a reason, which escalates the microtask to the next bid and counts as a failure in the server's track record.
 */
@FunctionalInterface
public interface OutputCheck {

  Verdict check(Microtask task, Answer answer) throws Exception;

  /** Accepts every answer as it is. */
  static OutputCheck acceptAll() {
    return (task, answer) -> new Verdict.Accept(answer.output());
  }

  /** The outcome of a check. */
  sealed interface Verdict {
    /** The answer is good; {@code value} is what the caller gets. */
    record Accept(Object value) implements Verdict {}

    /** The answer is not acceptable, and why. */
    record Reject(String reason) implements Verdict {
      public Reject {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
