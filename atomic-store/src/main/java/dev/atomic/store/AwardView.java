package dev.atomic.store;

import dev.atomic.exchange.Decision;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything recorded about one award: the decision, how it was executed, what it produced and what came of it.
 *
 * @param decision the whole decision
 * @param execution how it was served, or {@code null} when no execution was recorded
 * @param outputJson the accepted output, or {@code null} when none was recorded
 * @param feedback its feedback, or {@code null} when none has arrived
 */
public record AwardView(Decision decision, ExecutionEntry execution, String outputJson, FeedbackEntry feedback) {

  public AwardView {
    Objects.requireNonNull(decision, "decision");
  }

  public Optional<ExecutionEntry> executionIfAny() {
    return Optional.ofNullable(execution);
  }

  public Optional<FeedbackEntry> feedbackIfAny() {
    return Optional.ofNullable(feedback);
  }
}
