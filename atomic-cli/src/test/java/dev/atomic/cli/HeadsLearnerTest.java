package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.adapt.Adaptation;
import dev.atomic.adapt.LearningListener;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Feedback;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.ServerConfig;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadsLearnerTest {

  @TempDir
  Path dir;

  private static Adaptation withHead() {
    Adaptation adaptation = Adaptation.builder(new LetterEmbedder()).minLabels(1).build();
    adaptation.knnHead("ticket.route", "router");
    return adaptation;
  }

  private static Microtask task(String text) {
    return Microtask.builder("ticket.route").input(text).outputType(String.class).build();
  }

  @Test
  void stateJson_restoredInAFreshService_givesTheSameHeads() {
    Adaptation before = withHead();
    before.learn(task("apples"), "fruit", Feedback.accepted());
    before.learn(task("bolts"), "hardware", Feedback.accepted());
    HeadsLearner saved = new HeadsLearner(before);
    assertThat(saved.version()).isEqualTo(2);

    Adaptation after = withHead();
    HeadsLearner restored = new HeadsLearner(after);
    restored.restore(saved.stateJson());

    assertThat(restored.stateJson()).isEqualTo(saved.stateJson());
    assertThat(saved.name()).isEqualTo("heads");
  }

  @Test
  void restore_unreadableState_saysWhatToDo() {
    assertThatThrownBy(() -> new HeadsLearner(withHead()).restore("{\"heads\": 3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learner_state");
  }

  // The service with heads, restarted: the heads' restored state decides as in a twin that never stopped.

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KIND = "ticket.route";

  /**
   * The right route of a ticket, by its first letter. 'e' lands on the same axis as 'a' under {@link LetterEmbedder},
   * so the head routes e-tickets as a-tickets and is wrong on them: there is something for the exchange to learn.
   */
  private static final Map<Character, String> ROUTE =
      Map.of('a', "billing", 'b', "shipping", 'c', "returns", 'd', "account", 'e', "legal");

  /** A premium model that always routes right, at a price. */
  private static final class Premium implements Bidder {
    @Override
    public String id() {
      return "premium";
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(new Bid(0.95, 0, 0.01, Duration.ofMillis(700), "premium"));
    }

    @Override
    public Answer serve(Microtask task) {
      String text = (String) Inputs.text(task.input()).orElseThrow();
      return Answer.of(ROUTE.get(text.charAt(0)), 0.01, Duration.ofMillis(700));
    }
  }

  /**
   * The head as registered, with its measured compute time fixed: a head prices and times its calls by the wall clock,
   * which no twin can reproduce; what it learned (its prediction, probability and label) passes through unchanged.
   */
  private record FixedTiming(Bidder head) implements Bidder {
    @Override
    public String id() {
      return head.id();
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public boolean servesInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) throws Exception {
      return head.bid(task).map(b -> new Bid(b.quality(), b.uncertainty(), 0.000001, Duration.ofMillis(2),
          b.rationale()));
    }

    @Override
    public Answer serve(Microtask task) throws Exception {
      Answer a = head.serve(task);
      return new Answer(a.output(), 0.000001, Duration.ofMillis(2), a.confidence());
    }
  }

  /** A clock the test moves, one second a round: the twins see the same times. */
  private static final class Steps implements InstantSource {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T09:00:00Z"));

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  /** One service with heads, wired as {@code atomic serve} wires configured heads, and a client for it. */
  private static final class Service implements AutoCloseable {
    final Adaptation adaptation = Adaptation.builder(new LetterEmbedder()).minLabels(3).usdPerCpuMs(0).build();
    final HeadsLearner heads = new HeadsLearner(adaptation);
    final AtomicServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final Steps clock;
    final String key;

    Service(ServerConfig config, Steps clock, String key) {
      this.clock = clock;
      Bidder router = new FixedTiming(adaptation.knnHead(KIND, "router"));
      this.server = AtomicServer.builder(config).clock(clock)
          .bidder(new Premium())
          .bidder(router)
          .listener(store -> new LearningListener(adaptation, 1_000, new LedgerRecall(store.ledger())))
          .learner(heads)
          .start();
      this.key = key != null ? key : server.store().apiKeys().issue("default").key();
    }

    /** Serves round {@code round}'s ticket, explained; the decision's random id is moved out of the comparison. */
    ObjectNode round(int round) {
      clock.now.updateAndGet(t -> t.plusSeconds(1));
      String text = "abcde".charAt(round % 5) + "-ticket " + round;
      ObjectNode answer = (ObjectNode) post("/v1/microtasks?explain=true",
          "{\"id\":\"t-" + round + "\",\"kind\":\"" + KIND + "\",\"input\":\"" + text + "\"}");
      String decision = answer.remove("decisionId").asText();
      ObjectNode shown = (ObjectNode) answer.get("decision");
      shown.remove("id");
      shown.put("explanation", shown.path("explanation").asText().replace(decision, "<decision>"));
      answer.put("round", round);
      answer.put("text", text);
      answer.put("held", decision);
      return answer;
    }

    /** The reviewer: accepts the right route, with one verdict in ten flipped (seeded by the round). */
    void judge(ObjectNode answer) {
      String text = answer.path("text").asText();
      boolean right = ROUTE.get(text.charAt(0)).equals(answer.path("output").asText());
      boolean flipped = new SplittableRandom(answer.path("round").asInt()).nextInt(10) == 0;
      post("/v1/decisions/" + answer.path("held").asText() + "/feedback",
          "{\"quality\":" + (right != flipped ? 1 : 0) + "}");
    }

    List<ObjectNode> rounds(int from, int to, int unjudged) {
      List<ObjectNode> answers = new ArrayList<>();
      for (int round = from; round < to; round++) {
        ObjectNode answer = round(round);
        if (round < to - unjudged) {
          judge(answer);
        }
        answers.add(answer);
      }
      return answers;
    }

    JsonNode post(String path, String body) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      server.close();
      http.close();
    }
  }

  /** The answers without the decision ids, which are random: everything else must match. */
  private static List<JsonNode> comparable(List<ObjectNode> answers) {
    return answers.stream().map(a -> (JsonNode) a.deepCopy().put("held", "")).toList();
  }

  @Test
  void restartedService_headsRestoredFromTheLedger_decideAndLearnAsInATwinThatNeverStopped() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(12);
    ServerConfig restartedLedger = config.withStoreUrl(dir.resolve("restarted.db").toString());
    Steps restartedClock = new Steps();
    try (Service twin = new Service(config.withStoreUrl(dir.resolve("twin.db").toString()), new Steps(), null)) {
      String key;
      List<ObjectNode> before;
      List<ObjectNode> twinBefore = twin.rounds(0, 40, 4);
      try (Service first = new Service(restartedLedger, restartedClock, null)) {
        key = first.key;
        before = first.rounds(0, 40, 4);
      }
      assertThat(comparable(before)).isEqualTo(comparable(twinBefore));
      // The heads had learned enough to bid before the stop.
      assertThat(before.getLast().path("decision").path("bids")).extracting(b -> b.path("arm").asText())
          .contains("router");

      try (Service restarted = new Service(restartedLedger, restartedClock, key)) {
        assertThat(restarted.heads.stateJson()).isEqualTo(twin.heads.stateJson());
        // The four verdicts held back across the stop: the restarted heads learn them from the ledger (learned()
        // counts since the start), the twin's from memory.
        long twinLearned = twin.adaptation.learned();
        before.subList(36, 40).forEach(restarted::judge);
        twinBefore.subList(36, 40).forEach(twin::judge);
        assertThat(restarted.adaptation.learned()).isPositive().isEqualTo(twin.adaptation.learned() - twinLearned);
        assertThat(restarted.heads.stateJson()).isEqualTo(twin.heads.stateJson());

        List<ObjectNode> after = restarted.rounds(40, 100, 0);
        List<ObjectNode> twinAfter = twin.rounds(40, 100, 0);

        List<JsonNode> expected = comparable(twinAfter);
        List<JsonNode> actual = comparable(after);
        for (int i = 0; i < actual.size(); i++) {
          assertThat(actual.get(i)).as("round %d", 40 + i).isEqualTo(expected.get(i));
        }
        assertThat(restarted.heads.stateJson()).isEqualTo(twin.heads.stateJson());
        assertThat(restarted.server.exchange().snapshot()).usingRecursiveComparison()
            .isEqualTo(twin.server.exchange().snapshot());
        // The head won some rounds and the premium model others: both were in play after the restart.
        assertThat(after).extracting(a -> a.path("servedBy").asText()).contains("router", "premium");
      }
    }
  }
}
