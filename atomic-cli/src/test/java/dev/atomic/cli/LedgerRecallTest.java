package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.adapt.Adaptation;
import dev.atomic.adapt.LearningListener;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.ServerConfig;
import dev.atomic.task.Microtask;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerRecallTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Routes every ticket to "billing" from rules: the answer the reviewer accepts and the heads should learn. */
  private static final class RuleBidder implements Bidder {
    @Override
    public String id() {
      return "rules";
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(new Bid(0.9, 0, 0.0001, Duration.ofMillis(1), "rules"));
    }

    @Override
    public Answer serve(Microtask task) {
      return Answer.of("billing", 0.0001, Duration.ofMillis(1));
    }
  }

  private AtomicServer start(Adaptation adaptation) {
    adaptation.knnHead("ticket.route", "router");
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(3)
        .withStoreUrl(dir.resolve("atomic.db").toString());
    return AtomicServer.builder(config)
        .bidder(new RuleBidder())
        .listener(store -> new LearningListener(adaptation, 100, new LedgerRecall(store.ledger())))
        .start();
  }

  @Test
  void feedbackAfterARestart_teachesTheHeadsWhatTheDecisionServed() throws Exception {
    String decisionId;
    try (AtomicServer before = start(Adaptation.builder(new LetterEmbedder()).minLabels(1).build());
        HttpClient http = HttpClient.newHttpClient()) {
      JsonNode served = post(http, before, "/v1/microtasks",
          "{\"kind\":\"ticket.route\",\"input\":\"invoice 42 was charged twice\"}");
      decisionId = served.path("decisionId").asText();
    }

    Adaptation after = Adaptation.builder(new LetterEmbedder()).minLabels(1).build();
    try (AtomicServer restarted = start(after); HttpClient http = HttpClient.newHttpClient()) {
      post(http, restarted, "/v1/decisions/" + decisionId + "/feedback", "{\"quality\": 1.0}");

      assertThat(after.learned()).isEqualTo(1);
    }
  }

  @Test
  void served_unknownDecision_isEmpty() {
    try (AtomicServer server = start(Adaptation.builder(new LetterEmbedder()).build())) {
      assertThat(new LedgerRecall(server.store().ledger()).served("no-such-decision")).isEmpty();
    }
  }

  private static JsonNode post(HttpClient http, AtomicServer server, String path, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
