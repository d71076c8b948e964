package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.task.Microtask;
import java.util.List;
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
    /**
     * The answer is good; {@code value} is what the caller gets, and {@code repairs} what was fixed in the answer's
     * output to get it ({@code "TRAILING_COMMA at $ (char 12)"}), in order, empty when nothing was.
     */
    record Accept(Object value, List<String> repairs) implements Verdict {
      public Accept {
        repairs = List.copyOf(repairs);
      }

      /** Accepts a value that needed no repair. */
      public Accept(Object value) {
        this(value, List.of());
      }
    }

    /** The answer is not acceptable, and why. */
    record Reject(String reason) implements Verdict {
      public Reject {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
