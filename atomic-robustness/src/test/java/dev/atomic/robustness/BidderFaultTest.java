package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.output.StructuredOutput;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.ServerConfig;
import dev.atomic.store.DecisionQuery;
import dev.atomic.task.Microtask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bidders that misbehave for good: one that hangs, one whose output is malformed forever. */
class BidderFaultTest {

  record Verdict(boolean spam, double confidence) {}

  @Test
  void hangingBidder_everyRequestIsServedByAnotherAndNothingIsStuckOrPaidTwice(@TempDir Path dir) throws Exception {
    Hanging hanging = new Hanging();
    CountingBidder steady = new CountingBidder("steady", 0.7, 0.001);
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(21)
        .withStoreUrl(dir.resolve("hang.db").toString());
    try (AtomicServer server = AtomicServer.builder(config)
            .exchange(b -> b.attemptTimeout(Duration.ofMillis(300)))
            .bidder(hanging).bidder(steady).pipeline(ApiLoad.pipeline()).start();
        Loopback http = new Loopback(server.port())) {
      int timedOut = 0;
      for (int i = 0; i < 20; i++) {
        Loopback.Reply r = http.post("/v1/microtasks", "application/json",
            ("{\"id\":\"m" + i + "\",\"kind\":\"doc.label\",\"input\":\"x\",\"tenant\":\"faults\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("servedBy").asText()).isEqualTo("steady");
        for (JsonNode a : r.json().path("attempts")) {
          if (a.path("status").asText().equals("TIMED_OUT")) {
            timedOut++;
          }
        }
      }
      // Each timed-out attempt was one call to the hanging bidder, which never answered and so never charged.
      assertThat(hanging.calls.get()).isEqualTo(timedOut);
      Loopback.Reply run = http.post("/v1/runs", "application/json",
          "{\"pipeline\":\"label-twice\",\"id\":\"r1\",\"request\":{\"text\":\"x\"}}".getBytes(StandardCharsets.UTF_8));
      assertThat(run.status()).as(run.body()).isEqualTo(200);
      assertThat(run.json().path("status").asText()).isEqualTo("succeeded");
      for (JsonNode step : run.json().path("steps")) {
        assertThat(step.path("calls")).allSatisfy(c -> assertThat(c.path("servedBy").asText()).isEqualTo("steady"));
      }

      server.store().flush().get(30, TimeUnit.SECONDS);
      assertThat(steady.served()).isEqualTo(20 + 2);
      assertThat(server.store().ledger().decisions(DecisionQuery.all().tenant("faults").page(0, 100)).items())
          .hasSize(20);
      assertThat(server.store().ledger().run("r1")).get().extracting(v -> v.status()).isEqualTo("succeeded");
    } finally {
      hanging.release.countDown();
    }
  }

  @Test
  void malformedOutputForever_isRejectedEveryTimeAndTheExchangeLearnsToAvoidIt() {
    StructuredOutput<Verdict> verdicts = StructuredOutput.of(Verdict.class);
    Scripted garbage = new Scripted("garbage", 0.99, "Sure! {\"spam\": maybe, confidence: high");
    Scripted honest = new Scripted("honest", 0.75, "{\"spam\": true, \"confidence\": 0.8}");
    int garbageEarly = 0;
    int garbageLate = 0;
    double paid = 0;
    try (Exchange exchange = Exchange.builder().seed(8).bidder(garbage).bidder(honest).build()) {
      for (int i = 0; i < 200; i++) {
        Execution e = exchange.execute(Microtask.builder("email.spam").input("mail " + i).build(), verdicts.check());
        assertThat(e.output()).isEqualTo(new Verdict(true, 0.8));
        assertThat(e.servedBy()).isEqualTo("honest");
        long rejected = e.attempts().stream().filter(a -> a.status() == Attempt.Status.REJECTED).count();
        assertThat(e.attempts()).filteredOn(a -> a.status() == Attempt.Status.REJECTED)
            .allSatisfy(a -> assertThat(a.arm()).isEqualTo("garbage"));
        if (i < 50) {
          garbageEarly += (int) rejected;
        } else if (i >= 150) {
          garbageLate += (int) rejected;
        }
        paid += e.totalCostUsd();
      }
    }
    assertThat(honest.served.get()).isEqualTo(200);
    // Every serve call was one attempt and was paid once.
    assertThat(paid).isCloseTo((garbage.served.get() + honest.served.get()) * Scripted.COST,
        org.assertj.core.data.Offset.offset(1e-9));
    // On its claim alone (0.99 against 0.75) the garbage bidder would win all 200 auctions; its track record stops that.
    assertThat(garbage.served.get()).as("garbage attempts: %d in the first 50, %d in the last 50", garbageEarly,
        garbageLate).isLessThan(20);
  }

  /** Bids best and then never answers, until the test ends. */
  private static final class Hanging implements Bidder {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
      return "hanging";
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(new Bid(0.99, 0, 0.0001, Duration.ofMillis(1), "hangs"));
    }

    @Override
    public Answer serve(Microtask task) throws InterruptedException {
      calls.incrementAndGet();
      release.await();
      return Answer.of("late", 0.0001, Duration.ofDays(1));
    }
  }

  /** Answers a fixed text, counting serve calls. */
  private static final class Scripted implements Bidder {
    static final double COST = 0.002;
    final String id;
    final double quality;
    final String text;
    final AtomicInteger served = new AtomicInteger();

    Scripted(String id, double quality, String text) {
      this.id = id;
      this.quality = quality;
      this.text = text;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(new Bid(quality, 0, COST, Duration.ofMillis(1), "scripted"));
    }

    @Override
    public Answer serve(Microtask task) {
      served.incrementAndGet();
      return Answer.of(text, COST, Duration.ZERO);
    }
  }
}
