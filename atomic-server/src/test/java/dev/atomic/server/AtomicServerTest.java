package dev.atomic.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.estimate.EstimatorSnapshot;
import java.nio.file.Path;
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
