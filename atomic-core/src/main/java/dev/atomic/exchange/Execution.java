package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import java.util.List;
import java.util.Objects;

/**
 * The result of executing an award: the answer that was accepted, who served it, and every attempt on the way.
 *
 * @param decision the auction
 * @param servedBy the arm whose answer was accepted (the winner, or an escalation)
 * @param answer the accepted answer
 * @param output the accepted output, as the caller's check returned it
 * @param attempts every try, in order, the successful one last
 */
public record Execution(Decision decision, String servedBy, Answer answer, Object output, List<Attempt> attempts) {

  public Execution {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(servedBy, "servedBy");
    Objects.requireNonNull(answer, "answer");
    attempts = List.copyOf(attempts);
  }

  /** What all attempts cost together, in USD. */
  public double totalCostUsd() {
    return attempts.stream().mapToDouble(Attempt::costUsd).sum();
  }

  /** Whether the winner failed and another arm served. */
  public boolean escalated() {
    return attempts.size() > 1;
  }
}
