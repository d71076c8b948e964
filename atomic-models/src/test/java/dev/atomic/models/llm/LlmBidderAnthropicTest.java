package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Anthropic adapter against a loopback server that speaks the messages protocol. */
class LlmBidderAnthropicTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MESSAGE = """
      {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
       "content":[{"type":"text","text":"ham"}],"stop_reason":"end_turn","stop_sequence":null,
       "usage":{"input_tokens":30,"output_tokens":5}}""";

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
    Secrets secrets = Secrets.of(Map.of("ATOMIC_ANTHROPIC_API_KEY", Wire.KEY));
    return LlmEndpoint.anthropic("claude-sonnet-4-20250514", secrets).withBaseUrl(Wire.baseUrl(server, "/v1"));
  }

  @Test
  void complete_sendsMessagesRequestAndReportsCostFromUsage() throws Exception {
    server.enqueue(Wire.json(200, MESSAGE));
    try (LlmBidder bidder = LlmBidder.builder("claude", endpoint()).build()) {
      Completion completion = bidder.complete(Prompt.of("You sort mail.", "Is this spam?")
          .withDecoding(Decoding.greedy().withMaxOutputTokens(20)));

      assertThat(completion.text()).isEqualTo("ham");
      assertThat(completion.inputTokens()).isEqualTo(30);
      assertThat(completion.outputTokens()).isEqualTo(5);
      assertThat(completion.costUsd()).isCloseTo((30 * 3.0 + 5 * 15.0) / 1e6, within(1e-15));
    }
    RecordedRequest request = Wire.taken(server);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(Wire.KEY);
    assertThat(request.getHeaders().get("anthropic-version")).isNotBlank();
    JsonNode body = JSON.readTree(Wire.body(request));
    assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-20250514");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(20);
    assertThat(body.path("system").toString()).contains("You sort mail.");
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").get(0).path("content").toString()).contains("Is this spam?");
  }

  @Test
  void complete_streamsServerSentEvents() throws Exception {
    server.enqueue(Wire.sse("""
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-20250514","content":[],"stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1}}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":7}}

        event: message_stop
        data: {"type":"message_stop"}

        """));
    try (LlmBidder bidder = LlmBidder.builder("claude", endpoint()).streaming().build()) {
      Completion completion = bidder.complete(Prompt.of("Say hello"));

      assertThat(completion.text()).isEqualTo("Hello");
      assertThat(completion.inputTokens()).isEqualTo(25);
      assertThat(completion.outputTokens()).isEqualTo(7);
      assertThat(completion.usageReported()).isTrue();
    }
    JsonNode body = JSON.readTree(Wire.body(Wire.taken(server)));
    assertThat(body.path("stream").asBoolean()).isTrue();
  }

  @Test
  void complete_rateLimited_carriesStatusAndRetryAfter() {
    server.enqueue(Wire.rateLimited("3"));
    try (LlmBidder bidder = LlmBidder.builder("claude", endpoint()).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.reason()).isEqualTo(ProviderException.Reason.RATE_LIMITED);
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
          });
    }
  }

  @Test
  void complete_overloaded_isServerError() {
    server.enqueue(Wire.json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
    try (LlmBidder bidder = LlmBidder.builder("claude", endpoint()).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.reason()).isEqualTo(ProviderException.Reason.SERVER_ERROR);
            assertThat(e.status()).isEqualTo(529);
            assertThat(e.getMessage()).contains("Overloaded");
          });
    }
  }

  @Test
  void complete_serverStalls_timesOut() {
    server.enqueue(Wire.stall());
    try (LlmBidder bidder = LlmBidder.builder("claude", endpoint().withTimeout(Duration.ofMillis(300))).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class,
              e -> assertThat(e.reason()).isEqualTo(ProviderException.Reason.TIMEOUT));
    }
  }

  @Test
  void complete_malformedBody_isMalformedResponse() {
    server.enqueue(Wire.json(200, "<html>gateway says hello</html>"));
    try (LlmBidder bidder = LlmBidder.builder("claude", endpoint()).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class,
              e -> assertThat(e.reason()).isEqualTo(ProviderException.Reason.MALFORMED_RESPONSE));
    }
  }
}
