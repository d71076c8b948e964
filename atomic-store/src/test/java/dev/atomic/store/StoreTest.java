package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Feedback;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StoreTest extends StoreFixture {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void record_decisionReadsBackWhole() {
    Decision won = Decisions.won("d-1", "acme", "email.spam", "small", T0.toEpochMilli());
    Decision unawarded = Decisions.unawarded("d-2", "acme", T0.toEpochMilli());

    store.record(DecisionEntry.of(won)).join();
    store.record(DecisionEntry.of(unawarded)).join();

    assertThat(store.ledger().decision("d-1")).contains(won);
    assertThat(store.ledger().decision("d-2")).contains(unawarded);
    assertThat(store.ledger().decision("d-2").orElseThrow().margin()).isNaN();
  }

  @Test
  void record_feedbackForUnknownDecision_failsNamingIt() {
    CompletableFuture<Void> write = store.record(new FeedbackEntry("no-such-decision", Feedback.accepted(), "", T0));

    assertThatThrownBy(write::join)
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(StoreException.class)
        .hasMessageContaining("no decision 'no-such-decision' has been recorded");
  }

  @Test
  void record_executionForUnknownDecision_fails() {
    ExecutionEntry execution = new ExecutionEntry("ghost", "small", 10, 2, 0.001, 40, List.of(),
        List.of(new Attempt(1, "small", Attempt.Status.SUCCEEDED, "served", 0.001, 40)), T0);

    assertThatThrownBy(() -> store.record(execution).join())
        .cause().hasMessageContaining("no decision 'ghost' has been recorded");
  }

  @Test
  void record_stepOfUnknownRun_fails() {
    assertThatThrownBy(() -> store.record(new StepEntry("no-run", "s1", "running", null, "", T0)).join())
        .cause().hasMessageContaining("no run 'no-run' has been recorded");
  }

  @Test
  void record_secondFeedbackForADecision_fails() {
    store.record(DecisionEntry.of(Decisions.won("d-1", "acme", "email.spam", "small", 1))).join();
    store.record(new FeedbackEntry("d-1", Feedback.accepted(), "", T0)).join();

    assertThatThrownBy(() -> store.record(new FeedbackEntry("d-1", Feedback.rejected(), "", T0)).join())
        .cause().hasMessageContaining("has feedback already");
  }

  @Test
  void record_badEntryInABatch_failsAloneAndTheOthersCommit() {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      writes.add(store.record(DecisionEntry.of(Decisions.won("d-" + i, "acme", "email.spam", "small", i))));
      writes.add(store.record(new FeedbackEntry(i % 5 == 0 ? "ghost-" + i : "d-" + i, Feedback.accepted(), "", T0)));
    }
    store.flush().join();

    for (int i = 0; i < writes.size(); i++) {
      boolean bad = i % 2 == 1 && (i / 2) % 5 == 0;
      assertThat(writes.get(i).isCompletedExceptionally()).as("write %d", i).isEqualTo(bad);
    }
    List<BidderStats> stats = store.ledger().bidderStats(DecisionQuery.all());
    assertThat(stats).filteredOn(s -> s.arm().equals("small")).singleElement()
        .satisfies(s -> assertThat(s.wins()).isEqualTo(20))
        .satisfies(s -> assertThat(s.feedbackCount()).isEqualTo(16));
  }

  @Test
  void record_afterClose_throws() {
    store.close();

    assertThatThrownBy(() -> store.record(new RequestEntry("r-1", "acme", T0, null)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is closed")
        .hasMessageContaining("request r-1 was not recorded");
  }

  @Test
  void record_concurrentWriters_loseNothing() throws Exception {
    int writers = 50;
    int each = 200;
    List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        submitted.add(threads.submit(() -> {
          List<CompletableFuture<Void>> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            mine.add(store.record(DecisionEntry.of(
                Decisions.unawarded("w" + writer + "-" + i, "tenant-" + writer, writer * 1000L + i))));
          }
          return mine;
        }));
      }
    }
    for (Future<List<CompletableFuture<Void>>> writer : submitted) {
      writer.get().forEach(CompletableFuture::join);
    }

    Set<String> ids = allDecisionIds(store);
    assertThat(ids).hasSize(writers * each);
    assertThat(ids).contains("w0-0", "w49-199", "w17-123");
  }

  @Test
  void record_queueFullWhileTheDatabaseStalls_throwsAndTheAcceptedCommitLater() throws Exception {
    store.close();
    store = database.open(c -> c.queueCapacity(2).maxBatch(1).enqueueTimeout(Duration.ZERO));
    List<CompletableFuture<Void>> accepted = new ArrayList<>();
    StoreException refused = null;

    try (AutoCloseable _ = database.stallWrites("requests")) {
      // The writer holds at most one write (maxBatch 1) and the queue two more, so the fourth cannot fit.
      for (int i = 0; i < 4 && refused == null; i++) {
        try {
          accepted.add(store.record(new RequestEntry("r-" + i, "acme", T0, null)));
        } catch (StoreException e) {
          refused = e;
        }
      }
      assertThat(refused).isNotNull()
          .hasMessageContaining("the ledger queue stayed full for PT0S (capacity=2")
          .hasMessageContaining("request r-" + accepted.size() + " was not recorded");
      assertThat(accepted).noneMatch(CompletableFuture::isDone);
    }

    CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).join();
  }

  @Test
  void crash_afterAcknowledgement_keepsEveryAcknowledgedWrite() {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      writes.add(store.record(DecisionEntry.of(Decisions.unawarded("d-" + i, "acme", i))));
    }
    writes.get(999).join(); // the first thousand are acknowledged, the rest may still be queued

    ((JdbcStore) store).crash();

    assertThat(writes).allMatch(CompletableFuture::isDone);
    Set<String> acknowledged = new HashSet<>();
    for (int i = 0; i < writes.size(); i++) {
      if (!writes.get(i).isCompletedExceptionally()) {
        acknowledged.add("d-" + i);
      }
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(1000);
    try (Store reopened = database.open()) {
      // Acknowledged means committed; what was refused was not written, not even in part.
      assertThat(allDecisionIds(reopened)).isEqualTo(acknowledged);
    }
  }

  @Test
  void close_drainsTheQueue() {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      writes.add(store.record(DecisionEntry.of(Decisions.unawarded("d-" + i, "acme", i))));
    }

    store.close();

    assertThat(writes).allMatch(w -> w.isDone() && !w.isCompletedExceptionally());
    try (Store reopened = database.open()) {
      assertThat(allDecisionIds(reopened)).hasSize(2000);
    }
  }

  @Test
  void flush_acknowledgesEverythingRecordedBefore() {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      writes.add(store.record(new RequestEntry("r-" + i, "acme", T0, "{\"n\": " + i + "}")));
    }

    store.flush().join();

    assertThat(writes).allMatch(w -> w.isDone() && !w.isCompletedExceptionally());
  }

  @Test
  void open_twiceOnTheSameDatabase_migratesOnce() {
    store.record(DecisionEntry.of(Decisions.unawarded("d-1", "acme", 1))).join();
    store.close();

    store = database.open();

    assertThat(store.ledger().decision("d-1")).isPresent();
  }

  @Test
  void open_onAVersion7Ledger_addsAttemptUsageAndOldAttemptsReadAsUnknown() throws Exception {
    store.close();
    database.close();
    database = backend.create(java.nio.file.Files.createDirectories(dir.resolve("v7")));
    database.migrateTo("7");
    database.execute(
        "INSERT INTO decisions (id, task_id, kind, tenant, winner, decided_at, margin, explored, body) VALUES"
            + " ('d-old', 't', 'email.spam', 'acme', 'small', 1, 0.1, FALSE, '"
            + Json.write("decision", Decisions.won("d-old", "acme", "email.spam", "small", 1)).replace("'", "''")
            + "')",
        "INSERT INTO executions (decision_id, served_by, succeeded, input_tokens, output_tokens, cost_usd, latency_ms,"
            + " repairs, recorded_at) VALUES ('d-old', 'small', TRUE, NULL, NULL, 0.001, 40, '[]', 2)",
        "INSERT INTO attempts (decision_id, number, arm, status, detail, cost_usd, latency_ms)"
            + " VALUES ('d-old', 1, 'small', 'SUCCEEDED', 'served', 0.001, 40)");

    store = database.open();
    store.record(DecisionEntry.of(Decisions.won("d-new", "acme", "email.spam", "small", 2))).join();
    store.record(new ExecutionEntry("d-new", "small", 10, 2, 0.001, 40, List.of(), List.of(new Attempt(1, "small",
        Attempt.Status.SUCCEEDED, "served", 0.001, 40, Usage.of("small-v3", 10, 2))), T0)).join();

    assertThat(store.ledger().award("d-old").orElseThrow().execution().attempts())
        .singleElement().satisfies(a -> assertThat(a.usage()).isEqualTo(Usage.UNKNOWN));
    assertThat(store.ledger().award("d-new").orElseThrow().execution().attempts())
        .singleElement().satisfies(a -> assertThat(a.usage()).isEqualTo(Usage.of("small-v3", 10, 2)));
    assertThat(database.rows("SELECT model, input_tokens, output_tokens FROM attempts ORDER BY decision_id"))
        .containsExactly(List.of("small-v3", "10", "2"), java.util.Arrays.asList(null, null, null));
  }

  static Set<String> allDecisionIds(Store store) {
    Set<String> ids = new HashSet<>();
    DecisionQuery query = DecisionQuery.all().page(0, DecisionQuery.MAX_LIMIT);
    while (true) {
      Page<DecisionSummary> page = store.ledger().decisions(query);
      page.items().forEach(d -> assertThat(ids.add(d.id())).as("%s listed once", d.id()).isTrue());
      if (!page.hasMore()) {
        return ids;
      }
      query = query.page(page.nextOffset(), DecisionQuery.MAX_LIMIT);
    }
  }
}
