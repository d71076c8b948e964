package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Execution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionEntryTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Decision DECISION = Decisions.won("d-1", "acme", "email.spam", "large", 1);

  @Test
  void of_takesTheTokenTotalsOverEveryAttemptAndTheRepairs() {
    List<Attempt> attempts = List.of(
        new Attempt(1, "large", Attempt.Status.REJECTED, "INVALID", 0.01, 600, Usage.of("large", 1200, 40)),
        new Attempt(2, "rules", Attempt.Status.FAILED, "threw", 0, 1),
        new Attempt(3, "small", Attempt.Status.SUCCEEDED, "served", 0.003, 300, Usage.of("small", 100, 5)));
    Execution execution = new Execution(DECISION, "small", Answer.of("x", 0.003, Duration.ofMillis(300)), "x",
        attempts, List.of("TRAILING_COMMA at $ (char 9)"));

    ExecutionEntry entry = ExecutionEntry.of(execution, T0);

    assertThat(entry.inputTokens()).isEqualTo(1300);
    assertThat(entry.outputTokens()).isEqualTo(45);
    assertThat(entry.repairs()).containsExactly("TRAILING_COMMA at $ (char 9)");
    assertThat(entry.attempts()).isEqualTo(attempts);
  }

  @Test
  void of_withoutKnownUsage_recordsUnknownTokens() {
    Execution execution = new Execution(DECISION, "large", Answer.of("x", 0.01, Duration.ZERO), "x",
        List.of(new Attempt(1, "large", Attempt.Status.SUCCEEDED, "served", 0.01, 5, Usage.model("head-v1"))));

    ExecutionEntry entry = ExecutionEntry.of(execution, T0);

    assertThat(entry.inputTokens()).isEqualTo(-1);
    assertThat(entry.outputTokens()).isEqualTo(-1);
    assertThat(entry.repairs()).isEmpty();
  }

  @Test
  void failed_countsTheTokensTheFailedAttemptsUsed() {
    AwardFailedException failure = new AwardFailedException(DECISION, List.of(
        new Attempt(1, "large", Attempt.Status.REJECTED, "INVALID", 0.01, 600, Usage.of("large", 1200, 40)),
        new Attempt(2, "small", Attempt.Status.TIMED_OUT, "timed out", 0, 30_000)));

    ExecutionEntry entry = ExecutionEntry.failed(failure, T0);

    assertThat(entry.succeeded()).isFalse();
    assertThat(entry.inputTokens()).isEqualTo(1200);
    assertThat(entry.outputTokens()).isEqualTo(40);
  }
}
