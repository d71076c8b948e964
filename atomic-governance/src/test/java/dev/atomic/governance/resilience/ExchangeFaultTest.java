package dev.atomic.governance.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Exclusion;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.exchange.ScoredBid;
import dev.atomic.governance.MutableClock;
import dev.atomic.governance.RecordingBidder;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault injection with a real exchange: one bidder misbehaves, the others keep serving, nothing is paid twice. */
class ExchangeFaultTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final CountDownLatch never = new CountDownLatch(1);
  private final List<ResilientBidder> wrapped = new ArrayList<>();

  @AfterEach
  void releaseHungCalls() {
    never.countDown();
    wrapped.forEach(ResilientBidder::close);
  }

  /** Only the hanging bidder gets a short timeout, so a loaded machine cannot time out the good ones. */
  private ResilientBidder resilient(RecordingBidder bidder) {
    Duration timeout = bidder.id().equals("hang") ? Duration.ofMillis(10) : Duration.ofSeconds(30);
    ResilientBidder r = ResilientBidder.wrap(bidder).clock(clock).random(new SplittableRandom(2))
        .timeout(timeout)
        .maxConcurrentCalls(64) // above the 30 concurrent microtasks below: no load is shed here
        .retries(2, Duration.ofMillis(1), 2, Duration.ofMillis(2), 0.5)
        .circuit(4, 1, 50, Duration.ofMinutes(5))
        .wellFormed(o -> o instanceof String s && s.startsWith("answer"))
        .build();
    wrapped.add(r);
    return r;
  }

  private static Microtask task(int i) {
    return Microtask.builder("doc.summary").id("task-" + i).input("document " + i).build();
  }

  private static final OutputCheck ANSWERS_ONLY = (task, answer) -> answer.output() instanceof String s
      && s.startsWith("answer") ? new OutputCheck.Verdict.Accept(s) : new OutputCheck.Verdict.Reject("malformed");

  private RecordingBidder good(String id, double quality) {
    return RecordingBidder.answering(id, BidderProfile.local(), quality, 0.002, t -> "answer from " + id);
  }

  @Test
  void hangingBidder_isTimedOutThenCircuitBroken_andTheOthersServeEveryTask() {
    RecordingBidder hang = new RecordingBidder("hang", BidderProfile.local(), 0.99, 0.001, t -> {
      never.await();
      return "answer never";
    });
    RecordingBidder good = good("good", 0.8);
    try (Exchange exchange = Exchange.builder().seed(11).clock(clock)
        .bidder(resilient(hang)).bidder(resilient(good)).build()) {
      List<Execution> executions = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        executions.add(exchange.execute(task(i), ANSWERS_ONLY));
      }

      assertThat(executions).allSatisfy(e -> assertThat(e.servedBy()).isEqualTo("good"));
      assertThat(hang.served()).hasSize(1);
      Decision last = executions.getLast().decision();
      assertThat(last.exclusions()).singleElement().satisfies(x -> {
        assertThat(x.arm()).isEqualTo("hang");
        assertThat(x.reason()).isEqualTo(Exclusion.Reason.FAILED);
        assertThat(x.detail()).contains("circuit breaker of bidder 'hang' is OPEN");
      });
    }
  }

  @Test
  void hangingBidder_doesNotHoldUpConcurrentMicrotasks() throws Exception {
    RecordingBidder hang = new RecordingBidder("hang", BidderProfile.local(), 0.99, 0.001, t -> {
      never.await();
      return "answer never";
    });
    RecordingBidder good = good("good", 0.8);
    try (Exchange exchange = Exchange.builder().seed(12).clock(clock)
            .bidder(resilient(hang)).bidder(resilient(good)).build();
        var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Execution>> futures = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int n = i;
        futures.add(pool.submit(() -> exchange.execute(task(n), ANSWERS_ONLY)));
      }
      for (Future<Execution> f : futures) {
        assertThat(f.get().servedBy()).isEqualTo("good");
      }
      assertThat(good.served()).extracting(Microtask::id).doesNotHaveDuplicates().hasSize(30);
    }
  }

  @Test
  void slowingBidder_opensItsCircuitOnSlowCalls_andIsExcludedWithTheReason() {
    // Each call "takes" 3 s on the injected clock; calls over 2 s are slow, and all slow opens the circuit.
    RecordingBidder slow = RecordingBidder.answering("slow", BidderProfile.local(), 0.99, 0.001, t -> {
      clock.advance(Duration.ofSeconds(3));
      return "answer from slow";
    });
    RecordingBidder good = good("good", 0.6);
    ResilientBidder slowGuarded = ResilientBidder.wrap(slow).clock(clock).timeout(Duration.ofSeconds(30))
        .circuit(4, 1, 50, Duration.ofMinutes(5)).slowCalls(Duration.ofSeconds(2), 100).build();
    wrapped.add(slowGuarded);
    try (Exchange exchange = Exchange.builder().seed(16).clock(clock)
        .bidder(slowGuarded).bidder(resilient(good)).build()) {
      List<Execution> executions = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        executions.add(exchange.execute(task(i), ANSWERS_ONLY));
      }
      // The slow answer was still good and accepted; then the circuit kept the slow bidder out.
      assertThat(slow.served()).hasSize(1);
      assertThat(executions.getFirst().servedBy()).isEqualTo("slow");
      assertThat(executions.subList(1, 10)).allSatisfy(e -> assertThat(e.servedBy()).isEqualTo("good"));
      assertThat(executions.getLast().decision().exclusions()).singleElement()
          .satisfies(x -> assertThat(x.detail()).contains("'slow' is OPEN", "slow-call rate 100%"));
    }
  }

  @Test
  void throwingBidder_isRoutedAround() {
    RecordingBidder broken = new RecordingBidder("broken", BidderProfile.local(), 0.99, 0.001, t -> {
      throw new IllegalStateException("500 from provider");
    });
    RecordingBidder good = good("good", 0.7);
    RecordingBidder other = good("other", 0.6);
    try (Exchange exchange = Exchange.builder().seed(13).clock(clock)
        .bidder(resilient(broken)).bidder(resilient(good)).bidder(resilient(other)).build()) {
      for (int i = 0; i < 15; i++) {
        Execution e = exchange.execute(task(i), ANSWERS_ONLY);
        assertThat(e.servedBy()).isIn("good", "other");
      }
      assertThat(broken.served()).hasSize(1);
    }
  }

  @Test
  void malformedOutputForever_escalates_isLearnedByTheCore_andNothingIsPaidTwice() {
    RecordingBidder junk = RecordingBidder.answering("junk", BidderProfile.local(), 0.95, 0.003, t -> "%%garbage");
    RecordingBidder good = good("good", 0.7);
    List<Execution> executions = new ArrayList<>();
    try (Exchange exchange = Exchange.builder().seed(14).clock(clock).bidder(junk).bidder(good).build()) {
      for (int i = 0; i < 40; i++) {
        executions.add(exchange.execute(task(i), ANSWERS_ONLY));
      }
      Decision last = exchange.award(task(99));
      double believed = last.bidOf("junk").map(ScoredBid::believedQuality).orElseThrow();
      assertThat(believed).as("the exchange's belief in junk's 0.95 claim").isLessThan(0.3);
    }
    // Escalation: every task was served, by the good bidder, exactly once.
    assertThat(executions).allSatisfy(e -> assertThat(e.servedBy()).isEqualTo("good"));
    assertThat(good.served()).extracting(Microtask::id).doesNotHaveDuplicates().hasSize(40);
    // Learning: junk won only while the exchange still believed its claim.
    assertThat(junk.served()).hasSizeLessThan(20);
    // Money: what the exchange recorded equals what the bidders charged, call by call.
    double recorded = executions.stream().mapToDouble(Execution::totalCostUsd).sum();
    double charged = Stream.of(junk, good).flatMap(b -> b.answers().stream()).mapToDouble(Answer::costUsd).sum();
    assertThat(recorded).isCloseTo(charged, within(1e-12));
    assertThat(executions).allSatisfy(e -> assertThat(e.attempts().stream()
        .filter(a -> a.status() == Attempt.Status.SUCCEEDED)).hasSize(1));
  }

  @Test
  void malformedOutputForever_withResilience_opensTheCircuitAtOnce() {
    RecordingBidder junk = RecordingBidder.answering("junk", BidderProfile.local(), 0.95, 0.003, t -> "%%garbage");
    RecordingBidder good = good("good", 0.7);
    List<Execution> executions = new ArrayList<>();
    try (Exchange exchange = Exchange.builder().seed(15).clock(clock)
        .bidder(resilient(junk)).bidder(resilient(good)).build()) {
      for (int i = 0; i < 20; i++) {
        executions.add(exchange.execute(task(i), ANSWERS_ONLY));
      }
    }
    assertThat(junk.served()).hasSize(1);
    assertThat(good.served()).extracting(Microtask::id).doesNotHaveDuplicates().hasSize(20);
    double recorded = executions.stream().mapToDouble(Execution::totalCostUsd).sum();
    double charged = Stream.of(junk, good).flatMap(b -> b.answers().stream()).mapToDouble(Answer::costUsd).sum();
    assertThat(recorded).isCloseTo(charged, within(1e-12));
  }
}
