package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Ollama adapter against a loopback server that speaks Ollama's native chat protocol. It also shows that
 * langchain4j-ollama 1.18.1 runs on langchain4j-core 1.19.0.
 */
class LlmBidderOllamaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\"}}}";

  private MockWebServer server;

  @BeforeEach
  void start() {
    server = Wire.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmEndpoint endpoint() {
    return LlmEndpoint.ollama(Wire.baseUrl(server, "/"), "llama3.2");
  }

  @Test
  void complete_sendsChatRequestWithSchemaFormat() throws Exception {
    server.enqueue(Wire.json(200, """
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"{\\"label\\":\\"ham\\"}"},
         "done":true,"done_reason":"stop","total_duration":1000,"prompt_eval_count":12,"eval_count":4}"""));
    try (LlmBidder bidder = LlmBidder.builder("ollama", endpoint()).build()) {
      Completion completion = bidder.complete(Prompt.of("Label the mail.").withJsonSchema(SCHEMA)
          .withDecoding(Decoding.greedy()));

      assertThat(completion.text()).isEqualTo("{\"label\":\"ham\"}");
      assertThat(completion.inputTokens()).isEqualTo(12);
      assertThat(completion.outputTokens()).isEqualTo(4);
      assertThat(completion.costUsd()).isZero();
    }
    RecordedRequest request = Wire.taken(server);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/chat");
    JsonNode body = JSON.readTree(Wire.body(request));
    assertThat(body.path("model").asText()).isEqualTo("llama3.2");
    assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Label the mail.");
    assertThat(body.path("format")).isEqualTo(JSON.readTree(SCHEMA));
    assertThat(body.path("options").path("temperature").asDouble()).isZero();
  }

  @Test
  void complete_streamsNdjson() throws Exception {
    server.enqueue(Wire.ndjson("""
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"Hel"},"done":false}
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"lo"},"done":false}
        {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":9,"eval_count":2}
        """));
    try (LlmBidder bidder = LlmBidder.builder("ollama", endpoint()).streaming().build()) {
      Completion completion = bidder.complete(Prompt.of("Say hello"));

      assertThat(completion.text()).isEqualTo("Hello");
      assertThat(completion.inputTokens()).isEqualTo(9);
      assertThat(completion.outputTokens()).isEqualTo(2);
    }
    JsonNode body = JSON.readTree(Wire.body(Wire.taken(server)));
    assertThat(body.path("stream").asBoolean()).isTrue();
  }

  @Test
  void complete_rateLimited_carriesStatusAndRetryAfter() {
    server.enqueue(Wire.rateLimited("1"));
    try (LlmBidder bidder = LlmBidder.builder("ollama", endpoint()).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
          });
    }
  }

  @Test
  void complete_serverError_isServerError() {
    server.enqueue(Wire.json(500, "{\"error\":\"model runner crashed\"}"));
    try (LlmBidder bidder = LlmBidder.builder("ollama", endpoint()).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.reason()).isEqualTo(ProviderException.Reason.SERVER_ERROR);
            assertThat(e.getMessage()).contains("model runner crashed");
          });
    }
  }

  @Test
  void complete_serverStalls_timesOut() {
    server.enqueue(Wire.stall());
    try (LlmBidder bidder = LlmBidder.builder("ollama", endpoint().withTimeout(Duration.ofMillis(300))).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class,
              e -> assertThat(e.reason()).isEqualTo(ProviderException.Reason.TIMEOUT));
    }
  }

  @Test
  void complete_malformedBody_isMalformedResponse() {
    server.enqueue(Wire.json(200, "{\"message\": {\"content\": "));
    try (LlmBidder bidder = LlmBidder.builder("ollama", endpoint()).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class,
              e -> assertThat(e.reason()).isEqualTo(ProviderException.Reason.MALFORMED_RESPONSE));
    }
  }
}
