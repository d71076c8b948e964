package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.engine.Fixtures;
import dev.atomic.engine.Fixtures.Reply;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.ScriptedBidder;
import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.engine.journal.JournalEntry;
import dev.atomic.exchange.Exchange;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineJournalTest extends StoreFixture {

  /** A safety net so a broken engine fails the test instead of hanging it; no timing is asserted. */
  private static final long SAFETY_SECONDS = 30;

  private final Pipeline triage = Fixtures.pipeline("email-triage.yaml");

  @Test
  void resume_runInterruptedMidWay_continuesFromTheDatabaseWithoutServingFinishedCallsAgain() throws Exception {
    ScriptedBidder bidder = Fixtures.bidder();
    bidder.hold("email.reply");
    try (Exchange exchange = Fixtures.exchange(bidder)) {
      EmbeddedEngine first = EmbeddedEngine.create(exchange, cfg -> cfg.journal(EngineJournal.on(store)));
      first.start(triage, Fixtures.ham(), "crash-1");
      bidder.awaitHeld();
      first.close(); // the crash: the reply is in flight, nothing more is written
      bidder.release();
    }
    store.close();

    // A new process: a new store on the same database, a new exchange, a new engine.
    store = database.open();
    EngineJournal journal = EngineJournal.on(store);
    assertThat(journal.read("crash-1")).filteredOn(JournalEntry.CallCompleted.class::isInstance).hasSize(4);
    try (Exchange restarted = Fixtures.exchange(bidder);
        EmbeddedEngine second = EmbeddedEngine.create(restarted, cfg -> cfg.journal(journal))) {
      RunResult result = second.resume(triage, "crash-1").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(result.output("reply", Reply.class).text()).startsWith("Re: Meeting on Monday");
    }
    // Calls finished before the crash came from the database; only the reply, in flight at the crash, was served twice.
    assertThat(bidder.serves("email.spam")).isEqualTo(1);
    assertThat(bidder.serves("text.summary")).isEqualTo(1);
    assertThat(bidder.serves("email.reply")).isEqualTo(2);
    assertThat(journal.read("crash-1").getFirst()).isInstanceOf(JournalEntry.RunStarted.class);
    assertThat(journal.read("crash-1").getLast()).isEqualTo(new JournalEntry.RunEnded("SUCCEEDED", null));
  }

  @Test
  void read_unknownRun_isEmpty() {
    assertThat(EngineJournal.on(store).read("never")).isEmpty();
  }

  @Test
  void read_entryThatIsNoEngineEntry_failsNamingTheRun() {
    store.journal().append("run-1", "{\"type\": \"unheard-of\"}");

    assertThatThrownBy(() -> EngineJournal.on(store).read("run-1"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("a journal entry of run run-1 is not an engine entry");
  }
}
