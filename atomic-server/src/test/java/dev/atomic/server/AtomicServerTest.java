package dev.atomic.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.estimate.EstimatorSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a program embedding it uses it: configure, register bidders, start, serve, stop, start again. */
class AtomicServerTest {

  @TempDir
  Path dir;

  private ServerConfig config(String database) {
    return ServerConfig.defaults().withPort(0).withSeed(8).withStoreUrl(dir.resolve(database).toString());
  }

  /** A server with one scripted model: the same configuration before and after each restart. */
  private static AtomicServer withModel(ServerConfig config) {
    return AtomicServer.builder(config).bidder(new ScriptedBidder("model", 0.9, 0.001, 10, "ok")).start();
  }

  @Test
  void restart_restoresWhatTheExchangeLearned() {
    ServerConfig config = config("ledger/atomic.db");
    EstimatorSnapshot learned;
    long auctions;
    String key;
    try (AtomicServer server = withModel(config)) {
      key = server.store().apiKeys().issue("default").key();
      Http http = new Http(server.port(), key);
      for (int i = 0; i < 3; i++) {
        String id = http.post("/v1/microtasks", "{\"kind\":\"restart.check\"}").json().path("decisionId").asText();
        assertThat(http.post("/v1/decisions/" + id + "/feedback", "{\"quality\":1}").status()).isEqualTo(200);
      }
      learned = server.exchange().snapshot();
      auctions = server.exchange().auctionsHeld();
    }
    assertThat(learned.arms()).isNotEmpty();

    try (AtomicServer again = withModel(config)) {
      assertThat(again.exchange().auctionsHeld()).isEqualTo(auctions);
      EstimatorSnapshot.Arm before = learned.arms().getFirst();
      EstimatorSnapshot.Arm after = again.exchange().snapshot().arms().getFirst();
      assertThat(after.arm()).isEqualTo(before.arm());
      assertThat(after.observations()).isEqualTo(before.observations());
      assertThat(after.mean()).containsExactly(before.mean());
      Http http = new Http(again.port(), key);
      assertThat(http.get("/v1/decisions?kind=restart.check").json().path("items")).hasSize(3);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How good each model of the twin test really is: the feedback its answers get is drawn from this. */
  private static final Map<String, Double> TRUE_QUALITY = Map.of("small", 0.62, "medium", 0.8, "large", 0.95);

  /** A clock the test moves: both twins see the same time at the same step, and the restarted service goes on from it. */
  private static final class Steps implements InstantSource {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T09:00:00Z"));

    void advance() {
      now.updateAndGet(t -> t.plusSeconds(1));
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  /** The service of the twin test: three models whose claims disagree with how good they are, and the test's clock. */
  private static AtomicServer threeModels(ServerConfig config, InstantSource clock) {
    return AtomicServer.builder(config).clock(clock)
        .bidder(new ScriptedBidder("small", 0.9, 0.0005, 200, "small's answer"))
        .bidder(new ScriptedBidder("medium", 0.85, 0.002, 500, "medium's answer"))
        .bidder(new ScriptedBidder("large", 0.8, 0.008, 1500, "large's answer"))
        .start();
  }

  /** One service under test, driven over HTTP: its client and its clock. */
  private record Driven(Http http, Steps clock) {

    /**
     * Submits microtask {@code round} with its explanation, and returns the answer without the decision's id (which is
     * random): everything else (winner, every bid's claimed, believed and drawn quality and utility, the draw, the
     * output) is what must match. Feedback, when given, is drawn from the winner's true quality with the round's seed.
     */
    JsonNode round(int round, boolean feedback) {
      clock.advance();
      Http.Reply reply = http.post("/v1/microtasks?explain=true",
          "{\"id\":\"task-" + round + "\",\"kind\":\"ticket.triage\",\"input\":\"ticket " + round + "\"}");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      ObjectNode answer = (ObjectNode) reply.json();
      String decision = answer.remove("decisionId").asText();
      ObjectNode shown = (ObjectNode) answer.get("decision");
      shown.remove("id");
      shown.put("explanation", shown.path("explanation").asText().replace(decision, "<decision>"));
      if (feedback) {
        feedback(decision, round, answer.path("servedBy").asText());
      }
      answer.put("pendingDecision", feedback ? null : decision);
      return answer;
    }

    void feedback(String decision, int round, String servedBy) {
      double quality = new SplittableRandom(round).nextDouble() < TRUE_QUALITY.get(servedBy) ? 1 : 0;
      Http.Reply reply = http.post("/v1/decisions/" + decision + "/feedback", "{\"quality\":" + quality + "}");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** What {@code GET /v1/bidders} says each model has learned, and its durable record in the ledger. */
    JsonNode estimates() {
      Http.Reply reply = http.get("/v1/bidders");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      ObjectNode out = JSON.createObjectNode();
      for (JsonNode bidder : reply.json().path("bidders")) {
        out.set(bidder.path("id").asText() + ".learned", bidder.path("learned"));
        out.set(bidder.path("id").asText() + ".ledger", bidder.path("ledger"));
      }
      return out;
    }
  }

  /** Plays rounds {@code from} to {@code to} (exclusive); the last {@code unjudged} get no feedback yet. */
  private static List<JsonNode> rounds(Driven service, int from, int to, int unjudged) {
    List<JsonNode> answers = new ArrayList<>();
    for (int round = from; round < to; round++) {
      answers.add(service.round(round, round < to - unjudged));
    }
    return answers;
  }

  /** Gives the feedback held back in {@code answers}, as {@link Driven#round} would have. */
  private static void judgeLate(Driven service, List<JsonNode> answers, int firstRound) {
    for (int i = 0; i < answers.size(); i++) {
      JsonNode answer = answers.get(i);
      if (!answer.path("pendingDecision").isNull()) {
        service.feedback(answer.path("pendingDecision").asText(), firstRound + i, answer.path("servedBy").asText());
      }
    }
  }

  /** Removes the held-back decision ids, which are random, so two services' answers can be compared. */
  private static List<JsonNode> comparable(List<JsonNode> answers) {
    return answers.stream().map(a -> (JsonNode) ((ObjectNode) a.deepCopy()).put("pendingDecision",
        a.path("pendingDecision").isNull() ? "judged" : "held back")).toList();
  }

  /**
   * The issue's promise, over HTTP: learn for a while, stop the service, start it on the same ledger, and the next
   * decisions and estimates are those of a twin that never stopped (same configuration, seed, models and clock; its own
   * ledger). Five awards await feedback across the stop, and get it from the restarted service.
   */
  @Test
  void restart_decidesAndEstimatesExactlyAsATwinThatNeverStopped() {
    ServerConfig restartedConfig = config("restarted.db");
    Steps restartedClock = new Steps();
    Steps twinClock = new Steps();
    try (AtomicServer twin = threeModels(config("twin.db"), twinClock)) {
      Driven never = new Driven(new Http(twin.port(), twin.store().apiKeys().issue("default").key()), twinClock);
      String key;
      List<JsonNode> learnedBefore;
      List<JsonNode> twinBefore;
      try (AtomicServer first = threeModels(restartedConfig, restartedClock)) {
        key = first.store().apiKeys().issue("default").key();
        Driven stopping = new Driven(new Http(first.port(), key), restartedClock);
        learnedBefore = rounds(stopping, 0, 60, 5);
        twinBefore = rounds(never, 0, 60, 5);
        assertThat(comparable(twinBefore)).isEqualTo(comparable(learnedBefore));
      }

      try (AtomicServer restarted = threeModels(restartedConfig, restartedClock)) {
        Driven again = new Driven(new Http(restarted.port(), key), restartedClock);
        assertThat(restarted.exchange().auctionsHeld()).isEqualTo(twin.exchange().auctionsHeld()).isEqualTo(60);
        assertThat(restarted.exchange().pendingFeedback()).isEqualTo(twin.exchange().pendingFeedback()).isEqualTo(5);
        assertThat(again.estimates()).isEqualTo(never.estimates());

        // The feedback held back across the stop, on decisions the stopped service made.
        judgeLate(again, learnedBefore, 0);
        judgeLate(never, twinBefore, 0);
        assertThat(restarted.exchange().pendingFeedback()).isZero();

        List<JsonNode> afterRestart = rounds(again, 60, 120, 0);
        List<JsonNode> afterNoRestart = rounds(never, 60, 120, 0);
        for (int i = 0; i < afterRestart.size(); i++) {
          assertThat(afterRestart.get(i)).as("round %d", 60 + i).isEqualTo(afterNoRestart.get(i));
        }
        assertThat(again.estimates()).isEqualTo(never.estimates());
        assertThat(restarted.exchange().snapshot()).usingRecursiveComparison().isEqualTo(twin.exchange().snapshot());
        // Learning went on across the restart: the comparison is not between two services that settled on one model.
        assertThat(afterRestart).extracting(a -> a.path("servedBy").asText()).contains("small", "medium", "large");
        assertThat(afterRestart).extracting(a -> a.path("decision").path("explored").asBoolean()).contains(true);
      }
    }
  }

  @Test
  void feedbackAfterRestart_onADecisionMadeBefore_isAppliedAndTeaches() {
    ServerConfig config = config("feedback.db");
    String key;
    String decision;
    double observationsBefore;
    try (AtomicServer server = withModel(config)) {
      key = server.store().apiKeys().issue("default").key();
      decision = new Http(server.port(), key).post("/v1/microtasks", "{\"kind\":\"late.feedback\"}").json()
          .path("decisionId").asText();
      observationsBefore = server.exchange().snapshot().arms().getFirst().observations();
    }

    try (AtomicServer again = withModel(config)) {
      assertThat(again.exchange().pendingFeedback()).isEqualTo(1);
      Http.Reply reply = new Http(again.port(), key).post("/v1/decisions/" + decision + "/feedback", "{\"quality\":0}");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(again.exchange().pendingFeedback()).isZero();
      assertThat(again.exchange().snapshot().arms().getFirst().observations()).isGreaterThan(observationsBefore);
    }
  }

  @Test
  void checkpoint_savesWhatWasLearnedWhileServing() throws Exception {
    ServerConfig config = config("checkpoint.db").withCheckpointSeconds(1);
    try (AtomicServer server = withModel(config)) {
      Http http = new Http(server.port(), server.store().apiKeys().issue("default").key());
      http.post("/v1/microtasks", "{\"kind\":\"checkpoint.check\"}");
      // The saved state, read back while the server runs, as a crash right now would leave it.
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      java.util.Optional<dev.atomic.store.ExchangeState> saved;
      do {
        saved = server.store().loadState(AtomicServer.EXCHANGE_NAME).filter(s -> s.auctionsHeld() == 1);
      } while (saved.isEmpty() && System.nanoTime() < deadline);
      assertThat(saved).isPresent();
      assertThat(saved.get().pending()).hasSize(1);
    }
  }

  /** A learner that learns a list of words; its version is how many it has. */
  private static final class Words implements DurableLearner {
    final java.util.List<String> words = new java.util.ArrayList<>();
    int restores;

    @Override
    public String name() {
      return "words";
    }

    @Override
    public long version() {
      return words.size();
    }

    @Override
    public String stateJson() {
      return "[" + String.join(",", words.stream().map(w -> "\"" + w + "\"").toList()) + "]";
    }

    @Override
    public void restore(String json) {
      restores++;
      words.clear();
      String inner = json.substring(1, json.length() - 1);
      if (!inner.isEmpty()) {
        for (String w : inner.split(",")) {
          words.add(w.substring(1, w.length() - 1));
        }
      }
    }
  }

  @Test
  void learner_isSavedAtStop_andRestoredAtTheNextStart() {
    ServerConfig config = config("learner.db");
    Words first = new Words();
    try (AtomicServer server = AtomicServer.builder(config).learner(first).start()) {
      assertThat(first.restores).isZero();
      first.words.addAll(java.util.List.of("invoice", "refund"));
    }
    Words second = new Words();
    try (AtomicServer again = AtomicServer.builder(config).learner(second).start()) {
      assertThat(second.restores).isEqualTo(1);
      assertThat(second.words).containsExactly("invoice", "refund");
    }
    assertThatThrownBy(() -> AtomicServer.builder(config).learner(new Words()).learner(new Words()))
        .hasMessageContaining("two learners are named 'words'");
  }

  @Test
  void start_onATakenPort_failsClearlyAndReleasesTheLedger() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("a.db").toString());
    try (AtomicServer first = AtomicServer.builder(config).start()) {
      ServerConfig clash = config.withPort(first.port()).withStoreUrl(dir.resolve("b.db").toString());
      assertThatThrownBy(() -> AtomicServer.builder(clash).start()).isInstanceOf(RuntimeException.class);
    }
  }
}
