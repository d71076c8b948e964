package dev.atomic.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.StepKinds;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.Http;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.server.ServerConfig;
import dev.atomic.task.Microtask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run the server was stopped in the middle of goes on when it starts again, without redoing finished steps. */
class RunResumeTest {

  record Doc(String text) {}

  @TempDir
  Path dir;

  private static Pipeline pipeline() {
    StepKinds kinds = StepKinds.builder()
        .kind("doc.first", String.class, String.class)
        .kind("doc.second", String.class, String.class)
        .build();
    return Pipeline.builder("two-steps", kinds).request(Doc.class)
        .step("first", s -> s.kind("doc.first").input("${request.text}"))
        .step("second", s -> s.kind("doc.second").input("${steps.first.output}").after("first"))
        .build();
  }

  @Test
  void interruptedRun_resumesAtTheNextStart_andFinishedStepsAreNotServedAgain() throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(5)
        .withStoreUrl(dir.resolve("runs.db").toString());
    ScriptedBidder firstBefore = new ScriptedBidder("first-model", 0.9, 0.001, 10, "stage one");
    StuckBidder stuck = new StuckBidder();
    String key;
    try (AtomicServer server = AtomicServer.builder(config).bidder(new OnKind("doc.first", firstBefore)).bidder(stuck).pipeline(pipeline())
        .start()) {
      key = server.store().apiKeys().issue("default").key();
      Http.Reply accepted = new Http(server.port(), key)
          .post("/v1/runs?async=true", "{\"pipeline\":\"two-steps\",\"id\":\"run-r\",\"request\":{\"text\":\"go\"}}");
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
      assertThat(stuck.entered.await(30, TimeUnit.SECONDS)).isTrue();
      // The server stops while the second step is being served, as a crash would stop it.
    } finally {
      stuck.release.countDown();
    }
    assertThat(firstBefore.served()).isEqualTo(1);

    ScriptedBidder firstAfter = new ScriptedBidder("first-model", 0.9, 0.001, 10, "stage one");
    ScriptedBidder secondAfter = new ScriptedBidder("second-model", 0.9, 0.001, 10, "stage two");
    try (AtomicServer again = AtomicServer.builder(config).bidder(new OnKind("doc.first", firstAfter))
        .bidder(new OnKind("doc.second", secondAfter))
        .pipeline(pipeline()).start()) {
      Http http = new Http(again.port(), key);
      JsonNode run = pollUntilFinished(again, http, "run-r");
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(firstAfter.served()).as("the finished step is not served again").isZero();
      assertThat(secondAfter.served()).isEqualTo(1);
      assertThat(run.path("steps")).extracting(st -> st.path("stepId").asText())
          .containsExactlyInAnyOrder("first", "second");
    }
  }

  @Test
  void aRunInProgressOnAnotherServer_isNotTakenOver() throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(5)
        .withStoreUrl(dir.resolve("shared.db").toString());
    StuckBidder stuck = new StuckBidder();
    try (AtomicServer first = AtomicServer.builder(config)
        .bidder(new OnKind("doc.first", new ScriptedBidder("first-model", 0.9, 0.001, 10, "stage one")))
        .bidder(stuck).pipeline(pipeline()).start()) {
      String key = first.store().apiKeys().issue("default").key();
      new Http(first.port(), key)
          .post("/v1/runs?async=true", "{\"pipeline\":\"two-steps\",\"id\":\"run-s\",\"request\":{\"text\":\"go\"}}");
      assertThat(stuck.entered.await(30, TimeUnit.SECONDS)).isTrue();

      ScriptedBidder secondElsewhere = new ScriptedBidder("second-model", 0.9, 0.001, 10, "stage two");
      try (AtomicServer other = AtomicServer.builder(config)
          .bidder(new OnKind("doc.first", new ScriptedBidder("first-model", 0.9, 0.001, 10, "stage one")))
          .bidder(new OnKind("doc.second", secondElsewhere)).pipeline(pipeline()).start()) {
        // The first server's lease is live: the other server leaves its run alone.
        assertThat(other.store().runLeases().claimable(java.time.Instant.now(), java.util.Set.of("two-steps"), 10))
            .isEmpty();
        assertThat(secondElsewhere.served()).isZero();
      }
    } finally {
      stuck.release.countDown();
    }
  }

  @Test
  void interruptedRun_ofAPipelineTheServerDoesNotHave_isLeftForAServerThatHasIt() throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(5)
        .withStoreUrl(dir.resolve("gone.db").toString());
    StuckBidder stuck = new StuckBidder();
    String key;
    try (AtomicServer server = AtomicServer.builder(config)
        .bidder(new OnKind("doc.first", new ScriptedBidder("first-model", 0.9, 0.001, 10, "stage one"))).bidder(stuck)
        .pipeline(pipeline())
        .start()) {
      key = server.store().apiKeys().issue("default").key();
      new Http(server.port(), key)
          .post("/v1/runs?async=true", "{\"pipeline\":\"two-steps\",\"id\":\"run-g\",\"request\":{\"text\":\"go\"}}");
      assertThat(stuck.entered.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      stuck.release.countDown();
    }
    try (AtomicServer without = AtomicServer.builder(config).start()) {
      // Its start scanned for interrupted runs: this one is not its to resume, so it stays running and unclaimed.
      assertThat(without.store().ledger().run("run-g").orElseThrow().status()).isEqualTo("running");
      assertThat(without.store().runLeases().claimable(java.time.Instant.now(), java.util.Set.of("two-steps"), 10))
          .containsExactly("run-g");
    }
    try (AtomicServer with = AtomicServer.builder(config)
        .bidder(new OnKind("doc.first", new ScriptedBidder("first-model", 0.9, 0.001, 10, "stage one")))
        .bidder(new OnKind("doc.second", new ScriptedBidder("second-model", 0.9, 0.001, 10, "stage two")))
        .pipeline(pipeline()).start()) {
      JsonNode run = pollUntilFinished(with, new Http(with.port(), key), "run-g");
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    }
  }

  /** A scripted bidder that bids on one kind only, so each step has its own model. */
  private record OnKind(String kind, ScriptedBidder bidder) implements Bidder {

    @Override
    public String id() {
      return bidder.id();
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return task.kind().equals(kind) ? bidder.bid(task) : Optional.empty();
    }

    @Override
    public Answer serve(Microtask task) throws InterruptedException {
      return bidder.serve(task);
    }
  }

  /** Reads the run from the ledger until it is no longer running; each read follows a flush, and the loop is bounded. */
  private static JsonNode pollUntilFinished(AtomicServer server, Http http, String runId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonNode run;
    do {
      server.store().flush().get(10, TimeUnit.SECONDS);
      run = http.get("/v1/runs/" + runId).json();
    } while (run.path("status").asText().equals("running") && System.nanoTime() < deadline);
    return run;
  }

  /** Serves the second step only as far as getting stuck: it says so, then waits until released, then fails. */
  private static final class StuckBidder implements Bidder {

    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String id() {
      return "second-model";
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return task.kind().equals("doc.second") ? Optional.of(new Bid(0.9, 0, 0.001, Duration.ofMillis(10), "stuck"))
          : Optional.empty();
    }

    @Override
    public Answer serve(Microtask task) throws InterruptedException {
      entered.countDown();
      release.await();
      throw new IllegalStateException("the process stopped while this call was in flight");
    }
  }
}
