package dev.atomic.store;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Execution;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How an award was served: by whom, at what cost, with which repairs, and every attempt on the way. Its decision must
 * have been recorded first.
 *
 * @param decisionId the decision that was executed
 * @param servedBy the arm whose answer was accepted, or {@code null} when every attempt failed
 * @param inputTokens tokens sent to the models by every attempt whose usage is known, or -1 when none is
 * @param outputTokens tokens the models produced, counted alike, or -1 when not known
 * @param costUsd what all attempts cost together
 * @param latencyMs how long all attempts took together
 * @param repairs what the output layer repaired in the accepted output ({@code "closed a brace"}), in order
 * @param attempts every try, in order
 * @param at when the execution ended
 */
public record ExecutionEntry(
    String decisionId,
    String servedBy,
    long inputTokens,
    long outputTokens,
    double costUsd,
    double latencyMs,
    List<String> repairs,
    List<Attempt> attempts,
    Instant at) implements LedgerEntry {

  public ExecutionEntry {
    Checks.id("decision id", decisionId);
    Checks.optionalId("servedBy", servedBy);
    if (inputTokens < -1 || outputTokens < -1) {
      throw new IllegalArgumentException(
          "token counts must be >= 0, or -1 when unknown; were " + inputTokens + " in, " + outputTokens + " out");
    }
    Checks.finiteNonNegative("execution cost (USD)", costUsd);
    Checks.finiteNonNegative("execution latency (ms)", latencyMs);
    repairs = List.copyOf(repairs);
    attempts = List.copyOf(attempts);
    Objects.requireNonNull(at, "at");
  }

  /** A successful execution: its token totals over every attempt, and the repairs of the accepted output. */
  public static ExecutionEntry of(Execution execution, Instant at) {
    Usage total = execution.totalUsage();
    return new ExecutionEntry(execution.decision().id(), execution.servedBy(), total.inputTokens(),
        total.outputTokens(), execution.totalCostUsd(), totalLatency(execution.attempts()), execution.repairs(),
        execution.attempts(), at);
  }

  /** An execution in which every attempt failed; the tokens its attempts used were paid for all the same. */
  public static ExecutionEntry failed(AwardFailedException failure, Instant at) {
    Usage total = Execution.total(failure.attempts());
    return new ExecutionEntry(failure.decision().id(), null, total.inputTokens(), total.outputTokens(),
        failure.attempts().stream().mapToDouble(Attempt::costUsd).sum(), totalLatency(failure.attempts()), List.of(),
        failure.attempts(), at);
  }

  public ExecutionEntry withTokens(long in, long out) {
    return new ExecutionEntry(decisionId, servedBy, in, out, costUsd, latencyMs, repairs, attempts, at);
  }

  public ExecutionEntry withRepairs(List<String> applied) {
    return new ExecutionEntry(decisionId, servedBy, inputTokens, outputTokens, costUsd, latencyMs, applied, attempts,
        at);
  }

  public boolean succeeded() {
    return servedBy != null;
  }

  private static double totalLatency(List<Attempt> attempts) {
    return attempts.stream().mapToDouble(Attempt::latencyMs).sum();
  }

  @Override
  public String describe() {
    return "execution of decision " + decisionId;
  }
}
