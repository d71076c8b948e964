package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Usage;
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
 * @param repairs what the check repaired in the accepted output to make it valid ({@code "TRAILING_COMMA at $"}), in
 *     order; empty when it was valid as it came
 */
public record Execution(Decision decision, String servedBy, Answer answer, Object output, List<Attempt> attempts,
    List<String> repairs) {

  public Execution {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(servedBy, "servedBy");
    Objects.requireNonNull(answer, "answer");
    attempts = List.copyOf(attempts);
    repairs = List.copyOf(repairs);
  }

  /** An execution whose output needed no repair. */
  public Execution(Decision decision, String servedBy, Answer answer, Object output, List<Attempt> attempts) {
    this(decision, servedBy, answer, output, attempts, List.of());
  }

  /** What all attempts cost together, in USD. */
  public double totalCostUsd() {
    return attempts.stream().mapToDouble(Attempt::costUsd).sum();
  }

  /**
   * What all attempts used together: the tokens of those whose usage is known (unknown only when none is), and every
   * model named.
   */
  public Usage totalUsage() {
    return total(attempts);
  }

  /** Whether the winner failed and another arm served. */
  public boolean escalated() {
    return attempts.size() > 1;
  }

  /** The usage of these attempts together, as {@link #totalUsage()} counts it; also for a failed award's attempts. */
  public static Usage total(List<Attempt> attempts) {
    Usage total = Usage.UNKNOWN;
    for (Attempt a : attempts) {
      total = total.plus(a.usage());
    }
    return total;
  }
}
