package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerRecorderTest extends StoreFixture {

  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));

  @Test
  void onExecution_recordsDecisionExecutionOutputAndFeedback() {
    LedgerRecorder recorder = LedgerRecorder.of(store, CLOCK);
    try (Exchange exchange = Exchange.builder().seed(1).listener(recorder)
        .bidder(new ScriptedBidder("small", 0.9, 0.001, 100, 1)).build()) {
      Execution execution = exchange.execute(Microtask.builder("email.spam").id("t-1").input("hi").build());
      exchange.feedback(execution.decision().id(), Feedback.score(0.8));
    }
    store.flush().join();

    AwardView award = store.ledger().award(decisionIdOf("t-1")).orElseThrow();

    assertThat(award.decision().winner()).isEqualTo("small");
    assertThat(award.execution().servedBy()).isEqualTo("small");
    assertThat(award.execution().costUsd()).isEqualTo(0.001);
    assertThat(award.execution().inputTokens()).isEqualTo(-1);
    assertThat(award.execution().attempts()).extracting(Attempt::status).containsExactly(Attempt.Status.SUCCEEDED);
    assertThat(award.execution().at()).isEqualTo(CLOCK.instant());
    assertThat(award.outputJson()).isEqualTo("\"answer of small to t-1\"");
    assertThat(award.feedback().feedback().quality()).isEqualTo(0.8);
    assertThat(recorder.failures()).isZero();
  }

  @Test
  void onExecution_recordsTokensModelsAndRepairs() {
    LedgerRecorder recorder = LedgerRecorder.of(store, CLOCK);
    Bidder metered = new Metered(new ScriptedBidder("small", 0.9, 0.001, 100, 1), Usage.of("small-v2", 120, 8));
    OutputCheck repairing = (task, answer) ->
        new OutputCheck.Verdict.Accept(answer.output(), List.of("TRAILING_COMMA at $ (char 9)"));
    try (Exchange exchange = Exchange.builder().seed(1).listener(recorder).bidder(metered).build()) {
      exchange.execute(Microtask.builder("email.spam").id("t-3").input("hi").build(), repairing);
    }
    store.flush().join();

    ExecutionEntry recorded = store.ledger().award(decisionIdOf("t-3")).orElseThrow().execution();

    assertThat(recorded.inputTokens()).isEqualTo(120);
    assertThat(recorded.outputTokens()).isEqualTo(8);
    assertThat(recorded.repairs()).containsExactly("TRAILING_COMMA at $ (char 9)");
    assertThat(recorded.attempts()).singleElement()
        .satisfies(a -> assertThat(a.usage()).isEqualTo(Usage.of("small-v2", 120, 8)));
    assertThat(recorder.failures()).isZero();
  }

  /** A bidder that answers as another does, having used {@code usage}. */
  private record Metered(Bidder inner, Usage usage) implements Bidder {
    @Override
    public String id() {
      return inner.id();
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) throws Exception {
      return inner.bid(task);
    }

    @Override
    public Answer serve(Microtask task) throws Exception {
      return inner.serve(task).withUsage(usage);
    }
  }

  @Test
  void onFailure_recordsTheFailedAttempts() {
    LedgerRecorder recorder = LedgerRecorder.of(store, CLOCK);
    try (Exchange exchange = Exchange.builder().seed(1).listener(recorder).bidder(new Broken()).build()) {
      assertThatThrownBy(() -> exchange.execute(Microtask.builder("email.spam").id("t-2").build()))
          .isInstanceOf(AwardFailedException.class);
    }
    store.flush().join();

    AwardView award = store.ledger().award(decisionIdOf("t-2")).orElseThrow();

    assertThat(award.execution().succeeded()).isFalse();
    assertThat(award.execution().attempts()).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(Attempt.Status.FAILED))
        .satisfies(a -> assertThat(a.detail()).contains("model is down"));
    assertThat(award.outputJson()).isNull();
    assertThat(award.feedback()).isNull();
  }

  @Test
  void runs_recordTheMicrotaskAndDecisionAgainstTheirRunAndStep_andABrokenAttributionLosesOnlyTheColumns() {
    LedgerRecorder recorder = LedgerRecorder.builder(store).clock(CLOCK)
        .runs(task -> switch (task.id()) {
          case "run-1:classify" -> Optional.of(new RunStep("run-1", "classify"));
          case "odd" -> throw new IllegalStateException("attribution broke");
          default -> Optional.empty();
        })
        .build();
    try (Exchange exchange = Exchange.builder().seed(1).listener(recorder)
        .bidder(new ScriptedBidder("small", 0.9, 0.001, 100, 1)).build()) {
      exchange.execute(Microtask.builder("email.spam").id("run-1:classify").input("hi").build());
      exchange.execute(Microtask.builder("email.spam").id("alone").input("hi").build());
      exchange.execute(Microtask.builder("email.spam").id("odd").input("hi").build());
    }
    store.flush().join();

    assertThat(store.ledger().task("run-1:classify")).hasValueSatisfying(t -> {
      assertThat(t.runId()).isEqualTo("run-1");
      assertThat(t.stepId()).isEqualTo("classify");
      assertThat(t.inputJson()).isEqualTo("\"hi\"");
    });
    DecisionSummary inRun = store.ledger().decisions(DecisionQuery.all()).items().stream()
        .filter(d -> d.taskId().equals("run-1:classify")).findFirst().orElseThrow();
    assertThat(inRun.runId()).isEqualTo("run-1");
    assertThat(inRun.stepId()).isEqualTo("classify");
    assertThat(store.ledger().task("alone")).hasValueSatisfying(t -> assertThat(t.runId()).isNull());
    assertThat(store.ledger().task("odd")).hasValueSatisfying(t -> assertThat(t.runId()).isNull());
    assertThat(store.ledger().award(decisionIdOf("odd"))).isPresent();
    assertThat(recorder.failures()).isEqualTo(1);
  }

  @Test
  void feedbackRecordedByCaller_leavesFeedbackToTheCaller() {
    LedgerRecorder recorder = LedgerRecorder.builder(store).clock(CLOCK).feedbackRecordedByCaller().build();
    String decisionId;
    try (Exchange exchange = Exchange.builder().seed(1).listener(recorder)
        .bidder(new ScriptedBidder("small", 0.9, 0.001, 100, 1)).build()) {
      decisionId = exchange.execute(Microtask.builder("email.spam").id("t-3").build()).decision().id();
      exchange.feedback(decisionId, Feedback.score(0.8));
    }
    store.record(new FeedbackEntry(decisionId, Feedback.score(0.8), "the caller's note", CLOCK.instant())).join();

    assertThat(store.ledger().award(decisionId).orElseThrow().feedback().note()).isEqualTo("the caller's note");
    assertThat(recorder.failures()).isZero();
  }

  @Test
  void award_unknownDecision_isEmpty() {
    assertThat(store.ledger().award("no-such-decision")).isEmpty();
  }

  private String decisionIdOf(String taskId) {
    return store.ledger().decisions(DecisionQuery.all()).items().stream()
        .filter(d -> d.taskId().equals(taskId)).findFirst().orElseThrow().id();
  }

  /** A bidder that bids but cannot serve. */
  private record Broken() implements Bidder {
    @Override
    public String id() {
      return "broken";
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(Bid.of(0.9, 0.001, Duration.ofMillis(10)));
    }

    @Override
    public Answer serve(Microtask task) {
      throw new IllegalStateException("model is down");
    }
  }
}
