package dev.atomic.server.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.Utility;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.store.LedgerRecorder;
import dev.atomic.store.Store;
import dev.atomic.task.Microtask;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsHistoryTest {

  @TempDir
  Path dir;

  @Test
  void replay_ofTheLedger_givesTheFiguresTheLiveEventsGave() {
    TenantStats live = new TenantStats(InstantSource.system(), "premium");
    try (Store store = Store.open(c -> c.sqlite(dir.resolve("atomic.db")))) {
      try (Exchange exchange = Exchange.builder().seed(5).utility(Utility.of(100, 0))
          .listener(LedgerRecorder.of(store)).listener(live)
          .bidder(new ScriptedBidder("cheap", 0.9, 0.001, 10, "a"))
          .bidder(new ScriptedBidder("premium", 0.95, 0.02, 100, "b"))
          .build()) {
        for (int i = 0; i < 12; i++) {
          String tenant = i % 3 == 0 ? "beta" : "acme";
          Execution e = exchange.execute(Microtask.builder("doc.kind").tenant(tenant).build());
          if (i % 4 != 3) { // some awards still wait for their feedback
            exchange.feedback(e.decision().id(), i % 2 == 0 ? Feedback.accepted() : Feedback.rejected());
          }
        }
      }
      store.flush().join();
      java.time.Instant created = java.time.Instant.now();
      TenantStats replayed = new TenantStats(InstantSource.system(), "premium");

      assertThat(StatsHistory.replay(store.ledger(), replayed, 100)).isEqualTo(12);

      assertSameFigures(replayed.snapshot(), live.snapshot());
      assertSameFigures(replayed.snapshot("beta"), live.snapshot("beta"));
      assertThat(replayed.snapshot().since()).as("since the oldest replayed decision").isBefore(created);
    }
  }

  @Test
  void replay_keepsTheMostRecentDecisionsOnly() {
    try (Store store = Store.open(c -> c.sqlite(dir.resolve("atomic.db")))) {
      try (Exchange exchange = Exchange.builder().seed(5).listener(LedgerRecorder.of(store))
          .bidder(new ScriptedBidder("cheap", 0.9, 0.001, 10, "a")).build()) {
        for (int i = 0; i < 5; i++) {
          exchange.execute(Microtask.builder("doc.kind").build());
        }
      }
      store.flush().join();
      TenantStats replayed = new TenantStats(InstantSource.system(), null);

      assertThat(StatsHistory.replay(store.ledger(), replayed, 3)).isEqualTo(3);
      assertThat(replayed.snapshot().decisions()).isEqualTo(3);
    }
  }

  private static void assertSameFigures(LiveStats.Snapshot actual, LiveStats.Snapshot expected) {
    assertThat(actual.decisions()).isEqualTo(expected.decisions());
    assertThat(actual.awarded()).isEqualTo(expected.awarded());
    assertThat(actual.executions()).isEqualTo(expected.executions());
    assertThat(actual.failures()).isEqualTo(expected.failures());
    assertThat(actual.spendUsd()).isCloseTo(expected.spendUsd(), within(1e-12));
    assertThat(actual.premiumBaselineUsd()).isCloseTo(expected.premiumBaselineUsd(), within(1e-12));
    assertThat(actual.bidders()).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(expected.bidders());
  }
}
