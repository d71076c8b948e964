package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchWriterTest {

  @TempDir
  Path dir;

  @Test
  void linger_writesArrivingWithinIt_shareTheFirstWritesTransaction() throws Exception {
    Set<Tx> transactions = ConcurrentHashMap.newKeySet();
    CountDownLatch firstApplied = new CountDownLatch(1);

    List<CompletableFuture<Void>> acks = withWriter(Duration.ofSeconds(1), writer -> {
      List<CompletableFuture<Void>> submitted = new ArrayList<>();
      submitted.add(writer.submit(Write.of("first", tx -> {
        transactions.add(tx);
        firstApplied.countDown();
      })));
      // Within the linger the first write waits for company; without one it would be committed by now, alone.
      assertThat(await(firstApplied, Duration.ofMillis(200))).as("first write applied before its linger").isFalse();
      IntStream.range(0, 4).forEach(i -> submitted.add(writer.submit(Write.of("write " + i, transactions::add))));
      return submitted;
    });

    assertThat(acks).allMatch(CompletableFuture::isDone).noneMatch(CompletableFuture::isCompletedExceptionally);
    assertThat(transactions).hasSize(1);
  }

  @Test
  void linger_endsAtOnce_whenSomeoneAwaitsAWrite() throws Exception {
    // A linger of a second: an awaited write (a journal entry, a flush) and what is queued with it commit long before.
    withWriter(Duration.ofSeconds(1), writer -> {
      CompletableFuture<Void> queued = writer.submit(Write.of("queued", tx -> {}));
      CompletableFuture<Void> awaited = writer.submitAwaited(Write.of("awaited", tx -> {}));
      try {
        awaited.get(500, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        throw new AssertionError("the awaited write waited for the linger", e);
      }
      assertThat(queued).isCompleted();
      return null;
    });
  }

  @Test
  void noLinger_stillCommitsEveryWrite() throws Exception {
    Set<Tx> transactions = ConcurrentHashMap.newKeySet();

    List<CompletableFuture<Void>> acks = withWriter(Duration.ZERO, writer -> IntStream.range(0, 5)
        .mapToObj(i -> writer.submit(Write.of("write " + i, transactions::add))).toList());

    assertThat(acks).allMatch(CompletableFuture::isDone).noneMatch(CompletableFuture::isCompletedExceptionally);
    assertThat(transactions).isNotEmpty().hasSizeLessThanOrEqualTo(5);
  }

  private static boolean await(CountDownLatch latch, Duration timeout) {
    try {
      return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Runs {@code work} against a writer on a fresh SQLite ledger, then closes it, which commits what is queued. */
  private <T> T withWriter(Duration linger, java.util.function.Function<BatchWriter, T> work) throws Exception {
    Settings settings = new StoreConfig().sqlite(dir.resolve("ledger.db")).linger(linger).settings();
    try (HikariDataSource dataSource = Databases.open(settings)) {
      BatchWriter writer = new BatchWriter(dataSource, settings);
      T result = work.apply(writer);
      writer.submit(Write.FLUSH).get(10, TimeUnit.SECONDS);
      writer.close();
      return result;
    }
  }
}
