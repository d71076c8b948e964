package dev.atomic.governance.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.governance.MutableClock;
import dev.atomic.governance.RecordingBidder;
import dev.atomic.task.Microtask;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilientBidderTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Microtask task = Microtask.builder("doc.summary").input("text").build();

  private ResilientBidder.Builder wrap(RecordingBidder bidder) {
    return ResilientBidder.wrap(bidder).clock(clock).random(new SplittableRandom(1))
        .retries(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(4), 0.5)
        .circuit(4, 2, 50, Duration.ofMinutes(1))
        .timeout(Duration.ofSeconds(5));
  }

  /** Fails with the given exceptions in turn, then answers. */
  private static RecordingBidder failingThen(String id, Exception... failures) {
    AtomicInteger calls = new AtomicInteger();
    return new RecordingBidder(id, BidderProfile.local(), 0.9, 0.01, t -> {
      int n = calls.getAndIncrement();
      if (n < failures.length) {
        throw failures[n];
      }
      return "ok";
    });
  }

  @Test
  void servesInline_never_evenWhenTheWrappedBidderAnswersFromMemory() {
    Bidder fromMemory = RecordingBidder.echo("rules", BidderProfile.local(), 0.9, 0).servingInline();
    try (ResilientBidder bidder = ResilientBidder.wrap(fromMemory).build()) {
      // Retries wait out back-offs: on the caller's thread that would block the auction's caller.
      assertThat(bidder.servesInline()).isFalse();
      assertThat(bidder.id()).isEqualTo("rules");
    }
  }

  @Test
  void serve_rateLimitedTwice_retriesAfterTheRequestedWaitAndPaysOnce() throws Exception {
    RecordingBidder inner = failingThen("b", new RateLimited("429", Duration.ofMillis(3)),
        new RateLimited("429", Duration.ofMillis(2)));
    try (ResilientBidder bidder = wrap(inner).circuit(10, 10, 50, Duration.ofMinutes(1)).build()) {
      List<Duration> waits = new CopyOnWriteArrayList<>();
      bidder.retry().getEventPublisher().onRetry(e -> waits.add(e.getWaitInterval()));

      assertThat(bidder.serve(task).output()).isEqualTo("ok");
      assertThat(inner.served()).hasSize(3);
      assertThat(inner.answers()).hasSize(1);
      assertThat(waits).containsExactly(Duration.ofMillis(3), Duration.ofMillis(2));
    }
  }

  @Test
  void serve_retryAfterLongerThanTheCap_failsAtOnce() {
    RecordingBidder inner = failingThen("b", new RateLimited("429", Duration.ofMinutes(5)));
    try (ResilientBidder bidder = wrap(inner).maxRetryAfter(Duration.ofSeconds(10)).build()) {
      assertThatThrownBy(() -> bidder.serve(task)).isInstanceOf(RateLimited.class);
      assertThat(inner.served()).hasSize(1);
    }
  }

  @Test
  void serve_ioFailures_useJitteredExponentialBackoff() throws Exception {
    RecordingBidder inner = failingThen("b", new IOException("reset"), new IOException("reset"));
    try (ResilientBidder bidder = wrap(inner).circuit(10, 10, 50, Duration.ofMinutes(1)).build()) {
      List<Duration> waits = new CopyOnWriteArrayList<>();
      bidder.retry().getEventPublisher().onRetry(e -> waits.add(e.getWaitInterval()));

      assertThat(bidder.serve(task).output()).isEqualTo("ok");
      // initial 1 ms then 2 ms, each jittered by up to ±50%
      assertThat(waits).hasSize(2);
      assertThat(waits.get(0).toMillis()).isBetween(1L, 2L);
      assertThat(waits.get(1).toMillis()).isBetween(1L, 3L);
    }
  }

  @Test
  void backoff_growsExponentiallyUpToItsCapWithBoundedJitter() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(1000), 0.2);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.waitMillis(1, random)).isBetween(80L, 120L);
      assertThat(backoff.waitMillis(3, random)).isBetween(320L, 480L);
      assertThat(backoff.waitMillis(10, random)).isBetween(800L, 1200L);
    }
  }

  @Test
  void serve_nonTransientFailure_isNotRetried() {
    RecordingBidder inner = failingThen("b", new IllegalStateException("bad request"));
    try (ResilientBidder bidder = wrap(inner).build()) {
      assertThatThrownBy(() -> bidder.serve(task)).isInstanceOf(IllegalStateException.class);
      assertThat(inner.served()).hasSize(1);
    }
  }

  @Test
  void serve_hangingBidder_timesOutAndIsNotRetried() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    RecordingBidder inner = new RecordingBidder("hang", BidderProfile.local(), 0.9, 0.01, t -> {
      never.await();
      return "late";
    });
    try (ResilientBidder bidder = wrap(inner).timeout(Duration.ofMillis(5)).retryOn(e -> true).build()) {
      assertThatThrownBy(() -> bidder.serve(task))
          .isInstanceOf(BidderUnavailable.class)
          .hasMessageContaining("gave no answer within PT0.005S; not retried");
      assertThat(inner.served()).hasSize(1);
    } finally {
      never.countDown();
    }
  }

  @Test
  void circuit_opensAfterFailures_thenBidRefusesWithTheReason_andHalfOpensAfterTheWait() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RecordingBidder inner = new RecordingBidder("flaky", BidderProfile.local(), 0.9, 0.01, t -> {
      if (calls.getAndIncrement() < 2) {
        throw new IllegalStateException("boom");
      }
      return "ok";
    });
    try (ResilientBidder bidder = wrap(inner).build()) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> bidder.serve(task)).isInstanceOf(IllegalStateException.class);
      }
      assertThat(bidder.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThatThrownBy(() -> bidder.bid(task))
          .isInstanceOf(BidderUnavailable.class)
          .hasMessageContaining("circuit breaker of bidder 'flaky' is OPEN: failure rate 100%");
      assertThatThrownBy(() -> bidder.serve(task)).isInstanceOf(BidderUnavailable.class);
      assertThat(inner.served()).hasSize(2);

      clock.advance(Duration.ofMinutes(1).plusMillis(1));

      assertThat(bidder.bid(task)).isPresent();
      assertThat(bidder.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
      assertThat(bidder.serve(task).output()).isEqualTo("ok");
      assertThat(bidder.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void circuit_malformedAnswers_countAsFailuresButAreStillReturned() throws Exception {
    RecordingBidder inner = RecordingBidder.answering("junk", BidderProfile.local(), 0.9, 0.01, t -> "%%garbage");
    try (ResilientBidder bidder = wrap(inner).wellFormed(o -> o instanceof String s && s.startsWith("{")).build()) {
      assertThat(bidder.serve(task).output()).isEqualTo("%%garbage");
      assertThat(bidder.serve(task).output()).isEqualTo("%%garbage");
      assertThat(bidder.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThat(inner.served()).hasSize(2);
    }
  }

  @Test
  void circuit_slowCalls_openIt() throws Exception {
    RecordingBidder inner = RecordingBidder.answering("slow", BidderProfile.local(), 0.9, 0.01, t -> {
      clock.advance(Duration.ofSeconds(3)); // the bidder "takes" 3 s on the injected clock
      return "ok";
    });
    try (ResilientBidder bidder = wrap(inner).slowCalls(Duration.ofSeconds(2), 50).build()) {
      bidder.serve(task);
      bidder.serve(task);
      assertThat(bidder.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThatThrownBy(() -> bidder.bid(task)).hasMessageContaining("slow-call rate 100%");
    }
  }

  @Test
  void bulkhead_full_refusesBidsAndCallsAtOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingBidder inner = new RecordingBidder("busy", BidderProfile.local(), 0.9, 0.01, t -> {
      entered.countDown();
      release.await();
      return "ok";
    });
    try (ResilientBidder bidder = wrap(inner).maxConcurrentCalls(1).build()) {
      Thread first = Thread.ofVirtual().start(() -> {
        try {
          bidder.serve(task);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      entered.await();

      assertThatThrownBy(() -> bidder.bid(task)).isInstanceOf(BidderUnavailable.class)
          .hasMessageContaining("bidder 'busy' is busy: all 1 concurrent calls are in use");
      assertThatThrownBy(() -> bidder.serve(task)).isInstanceOf(BidderUnavailable.class);

      release.countDown();
      first.join();
      assertThat(inner.served()).hasSize(1);
      assertThat(bidder.bid(task)).isPresent();
    }
  }

  @Test
  void builder_rejectsBadValuesShowingThem() {
    RecordingBidder inner = RecordingBidder.echo("b", BidderProfile.local(), 0.9, 0.01);
    assertThatThrownBy(() -> ResilientBidder.wrap(inner).timeout(Duration.ZERO)).hasMessageContaining("PT0S");
    assertThatThrownBy(() -> ResilientBidder.wrap(inner).retries(0, Duration.ofMillis(1), 2, Duration.ofMillis(1), 0))
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> ResilientBidder.wrap(inner).retries(2, Duration.ofMillis(1), 0.5, Duration.ofMillis(1), 0))
        .hasMessageContaining("multiplier must be >= 1, was 0.5");
    assertThatThrownBy(() -> ResilientBidder.wrap(inner).circuit(5, 6, 50, Duration.ofSeconds(1)))
        .hasMessageContaining("minimumCalls must be in [1, window=5], was 6");
    assertThatThrownBy(() -> ResilientBidder.wrap(inner).maxConcurrentCalls(0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> new RateLimited("x", Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
  }
}
