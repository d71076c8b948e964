package dev.atomic.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class QueuedAuditLogTest {

  private static AuditEvent event(int i) {
    return new AuditEvent("t" + (i % 3), AuditType.AWARD, "exchange", Map.of("n", Integer.toString(i)));
  }

  @Test
  void submit_fromManyThreads_keepsAnIntactChainWithEveryEvent() throws Exception {
    InMemoryAuditStore store = new InMemoryAuditStore();
    try (QueuedAuditLog log = AuditLog.queued(AuditLog.chained(store, InstantSource.fixed(Instant.EPOCH)), 64)) {
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int t = 0; t < 20; t++) {
          int thread = t;
          threads.submit(() -> {
            for (int i = 0; i < 100; i++) {
              log.submit(event(thread * 100 + i));
            }
          });
        }
      }
      log.flush();
      List<AuditEntry> entries = log.read(1, Long.MAX_VALUE);
      assertThat(entries).hasSize(2000);
      assertThat(AuditVerifier.verify(entries).intact()).isTrue();
      assertThat(entries.stream().map(e -> e.details().get("n")).distinct()).hasSize(2000);
    }
  }

  @Test
  void close_storesWhatIsQueuedAndRefusesMore() {
    InMemoryAuditStore store = new InMemoryAuditStore();
    QueuedAuditLog log = AuditLog.queued(AuditLog.chained(store, InstantSource.fixed(Instant.EPOCH)), 1_000);
    for (int i = 0; i < 500; i++) {
      log.submit(event(i));
    }
    log.close();
    assertThat(store.read(1, Long.MAX_VALUE)).hasSize(500);
    assertThatThrownBy(() -> log.submit(event(0))).hasMessageContaining("closed");
  }

  @Test
  void append_isStoredAfterEverythingQueuedBeforeIt() {
    InMemoryAuditStore store = new InMemoryAuditStore();
    try (QueuedAuditLog log = AuditLog.queued(AuditLog.chained(store, InstantSource.fixed(Instant.EPOCH)), 16)) {
      List<String> order = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        log.submit(event(i));
      }
      AuditEntry last = log.append(event(99));
      assertThat(last.sequence()).isEqualTo(11);
      log.read(1, Long.MAX_VALUE).forEach(e -> order.add(e.details().get("n")));
      assertThat(order).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "99");
    }
  }

  @Test
  void linger_eventsArrivingWithinIt_areStoredInOneBatch() {
    AuditLog chained = AuditLog.chained(new InMemoryAuditStore(), InstantSource.fixed(Instant.EPOCH));
    List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
    AuditLog counting = new AuditLog() {
      @Override
      public AuditEntry append(AuditEvent event) {
        batches.add(1);
        return chained.append(event);
      }

      @Override
      public List<AuditEntry> appendAll(List<AuditEvent> events) {
        batches.add(events.size());
        return chained.appendAll(events);
      }

      @Override
      public List<AuditEntry> read(long from, long to) {
        return chained.read(from, to);
      }
    };
    // A linger far longer than submitting five events takes, so the writer stores them together.
    try (QueuedAuditLog log = AuditLog.queued(counting, 64, java.time.Duration.ofMillis(500))) {
      for (int i = 0; i < 5; i++) {
        log.submit(event(i));
      }
      log.flush();
    }
    assertThat(batches).containsExactly(5);
  }

  @Test
  void flush_endsTheLinger() throws Exception {
    InMemoryAuditStore store = new InMemoryAuditStore();
    // A linger of a second: a flush must not wait for it.
    try (QueuedAuditLog log = AuditLog.queued(AuditLog.chained(store, InstantSource.fixed(Instant.EPOCH)), 64,
        java.time.Duration.ofSeconds(1))) {
      log.submit(event(1));
      java.util.concurrent.CompletableFuture<Void> flushed = java.util.concurrent.CompletableFuture.runAsync(log::flush);

      flushed.get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
      assertThat(store.read(1, Long.MAX_VALUE)).hasSize(1);
    }
  }

  @Test
  void queued_lingerOutOfRange_isRejected() {
    AuditLog chained = AuditLog.chained(new InMemoryAuditStore(), InstantSource.fixed(Instant.EPOCH));

    assertThatThrownBy(() -> AuditLog.queued(chained, 8, java.time.Duration.ofSeconds(5)))
        .hasMessageContaining("between 0 and 1 s, was PT5S");
  }
}
