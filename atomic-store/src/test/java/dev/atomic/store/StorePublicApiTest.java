package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.task.Microtask;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The store as a service would use it, start to restart, through its public API only. */
class StorePublicApiTest extends StoreFixture {

  @Test
  void aServiceRecordsRestartsAndAnswersQueries() {
    Instant now = Instant.parse("2026-05-01T09:00:00Z");
    Exchange.Builder configuration = Exchange.builder().seed(99)
        .bidder(new ScriptedBidder("small", 0.8, 0.0004, 150, 0.7))
        .bidder(new ScriptedBidder("large", 0.9, 0.01, 900, 0.95));
    String decisionId;

    try (Exchange exchange = configuration.listener(LedgerRecorder.of(store)).build()) {
      store.record(new RequestEntry("req-1", "acme", now, "{\"subject\": \"WIN A PRIZE\"}"));
      store.record(new RunEntry("run-1", "req-1", "mail-triage", "acme", "running", now));
      store.record(new StepEntry("run-1", "spam", "running", null, "", now));
      Execution execution = exchange.execute(Microtask.builder("email.spam").id("task-1").tenant("acme")
          .input("WIN A PRIZE").build());
      decisionId = execution.decision().id();
      store.journal().appendStepResult("run-1", "spam", "{\"spam\": true}");
      store.record(new StepEntry("run-1", "spam", "succeeded", "task-1", "", now.plusSeconds(1)));
      store.record(new RunEntry("run-1", "req-1", "mail-triage", "acme", "succeeded", now.plusSeconds(1)));
      // Feedback arrives over the wire later; the exchange learns from it and the ledger keeps it.
      FeedbackEntry feedback = FeedbackEntry.parse(decisionId, "{\"quality\": 1, \"note\": \"user agreed\"}", now);
      exchange.feedback(decisionId, feedback.feedback());
      store.saveState("main", ExchangeState.of(exchange));
    }
    store.close();

    store = database.open();
    try (Exchange restored = store.loadState("main").orElseThrow().restoreInto(configuration)) {
      assertThat(restored.auctionsHeld()).isEqualTo(1);
    }
    RunView run = store.ledger().run("run-1").orElseThrow();
    assertThat(run.status()).isEqualTo("succeeded");
    assertThat(run.steps()).singleElement().satisfies(s -> assertThat(s.taskId()).isEqualTo("task-1"));
    assertThat(store.journal().stepResults("run-1")).containsEntry("spam", "{\"spam\": true}");
    AwardView award = store.ledger().award(decisionId).orElseThrow();
    assertThat(award.decision().tenant()).isEqualTo("acme");
    assertThat(award.executionIfAny()).isPresent();
    assertThat(award.feedbackIfAny()).hasValueSatisfying(f -> assertThat(f.feedback().quality()).isEqualTo(1));
    assertThat(store.ledger().decisions(DecisionQuery.all().tenant("acme")).items()).hasSize(1);
    assertThat(store.ledger().bidderStats(DecisionQuery.all())).extracting(BidderStats::arm)
        .contains(award.decision().winner());
  }
}
