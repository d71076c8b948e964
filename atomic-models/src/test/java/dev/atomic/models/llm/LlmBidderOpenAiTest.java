package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Usage;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible adapter against a loopback server that speaks the chat completions protocol. */
class LlmBidderOpenAiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"spam\":{\"type\":\"boolean\"}},\"required\":[\"spam\"]}";
  private static final String COMPLETION = """
      {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
       "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"spam\\":true}"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":42,"completion_tokens":3,"total_tokens":45}}""";

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
    return LlmEndpoint.openAiCompatible(Wire.baseUrl(server, "/v1"), "gpt-4o-mini", Secret.of(Wire.KEY, "test"));
  }

  private LlmBidder bidder() {
    return LlmBidder.builder("gpt-mini", endpoint()).build();
  }

  @Test
  void complete_sendsPromptAndReportsCostFromUsage() throws Exception {
    server.enqueue(Wire.json(200, COMPLETION));
    Prompt prompt = Prompt.of("Answer in JSON.", "Is 'WIN A PRIZE' spam?")
        .withJsonSchema(SCHEMA)
        .withDecoding(Decoding.greedy().withMaxOutputTokens(50));
    try (LlmBidder bidder = bidder()) {
      Completion completion = bidder.complete(prompt);

      assertThat(completion.text()).isEqualTo("{\"spam\":true}");
      assertThat(completion.inputTokens()).isEqualTo(42);
      assertThat(completion.outputTokens()).isEqualTo(3);
      assertThat(completion.usageReported()).isTrue();
      assertThat(completion.finishReason()).isEqualTo("STOP");
      assertThat(completion.costUsd()).isCloseTo((42 * 0.15 + 3 * 0.60) / 1e6, within(1e-15));
    }
    RecordedRequest request = Wire.taken(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Wire.KEY);
    JsonNode body = JSON.readTree(Wire.body(request));
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Answer in JSON.");
    assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Is 'WIN A PRIZE' spam?");
    assertThat(body.path("temperature").asDouble()).isZero();
    assertThat(body.path("max_tokens").asInt(body.path("max_completion_tokens").asInt())).isEqualTo(50);
    assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
    assertThat(body.path("response_format").path("json_schema").path("schema"))
        .isEqualTo(JSON.readTree(SCHEMA));
  }

  @Test
  void serve_answersWithTextAndRealCost() throws Exception {
    server.enqueue(Wire.json(200, COMPLETION));
    try (LlmBidder bidder = bidder()) {
      Answer answer = bidder.serve(Wire.task("Is 'WIN A PRIZE' spam?"));

      assertThat(answer.output()).isEqualTo("{\"spam\":true}");
      assertThat(answer.costUsd()).isCloseTo((42 * 0.15 + 3 * 0.60) / 1e6, within(1e-15));
      // the provider's dated name for the model it ran, not the alias asked for
      assertThat(answer.usage()).isEqualTo(Usage.of("gpt-4o-mini-2024-07-18", 42, 3));
    }
  }

  @Test
  void serve_providerOmitsUsageAndModel_answersWithEstimatedTokensAndTheRequestedModel() throws Exception {
    server.enqueue(Wire.json(200, """
        {"id":"chatcmpl-2","object":"chat.completion","created":1700000000,
         "choices":[{"index":0,"message":{"role":"assistant","content":"ham, clearly"},"finish_reason":"stop"}]}"""));
    try (LlmBidder bidder = bidder()) {
      Answer answer = bidder.serve(Wire.task("Is 'see you at ten' spam?"));

      long in = bidder.estimateInputTokens(Prompt.of("Is 'see you at ten' spam?"));
      long out = TokenEstimator.heuristic().count("ham, clearly");
      assertThat(in).isPositive();
      assertThat(out).isPositive();
      assertThat(answer.usage()).isEqualTo(Usage.of("gpt-4o-mini", in, out));
      assertThat(answer.costUsd()).isCloseTo((in * 0.15 + out * 0.60) / 1e6, within(1e-15));
    }
  }

  @Test
  void complete_streamsServerSentEvents() throws Exception {
    server.enqueue(Wire.sse("""
        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12}}

        data: [DONE]

        """));
    try (LlmBidder bidder = LlmBidder.builder("gpt-mini", endpoint()).streaming().build()) {
      Completion completion = bidder.complete(Prompt.of("Say hello"));

      assertThat(completion.text()).isEqualTo("Hello");
      assertThat(completion.inputTokens()).isEqualTo(10);
      assertThat(completion.outputTokens()).isEqualTo(2);
      assertThat(completion.usageReported()).isTrue();
      assertThat(completion.usage()).isEqualTo(Usage.of("gpt-4o-mini", 10, 2));
    }
    JsonNode body = JSON.readTree(Wire.body(Wire.taken(server)));
    assertThat(body.path("stream").asBoolean()).isTrue();
  }

  @Test
  void complete_rateLimited_carriesStatusAndRetryAfter() {
    server.enqueue(Wire.rateLimited("7"));
    try (LlmBidder bidder = bidder()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.reason()).isEqualTo(ProviderException.Reason.RATE_LIMITED);
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("429", "Rate limit reached", "retry after PT7S");
          });
    }
  }

  @Test
  void complete_rateLimitedStream_carriesRetryAfter() {
    server.enqueue(Wire.rateLimited("2"));
    try (LlmBidder bidder = LlmBidder.builder("gpt-mini", endpoint()).streaming().build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
          });
    }
  }

  @Test
  void complete_serverError_isRetryableServerError() {
    server.enqueue(Wire.json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    try (LlmBidder bidder = bidder()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.reason()).isEqualTo(ProviderException.Reason.SERVER_ERROR);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).isEmpty();
            assertThat(e.getMessage()).contains("overloaded");
          });
    }
  }

  @Test
  void complete_serverStalls_timesOut() {
    server.enqueue(Wire.stall());
    LlmEndpoint slow = endpoint().withTimeout(Duration.ofMillis(300));
    try (LlmBidder bidder = LlmBidder.builder("gpt-mini", slow).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.reason()).isEqualTo(ProviderException.Reason.TIMEOUT);
            assertThat(e.status()).isZero();
          });
    }
  }

  @Test
  void complete_streamStallsAfterHeaders_timesOut() {
    server.enqueue(Wire.stallAfterHeaders());
    LlmEndpoint slow = endpoint().withTimeout(Duration.ofMillis(300));
    try (LlmBidder bidder = LlmBidder.builder("gpt-mini", slow).streaming().build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class,
              e -> assertThat(e.reason()).isEqualTo(ProviderException.Reason.TIMEOUT));
    }
  }

  @Test
  void complete_malformedBody_isMalformedResponse() {
    server.enqueue(Wire.json(200, "{\"choices\": [ {\"message\": oops"));
    try (LlmBidder bidder = bidder()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class,
              e -> assertThat(e.reason()).isEqualTo(ProviderException.Reason.MALFORMED_RESPONSE));
    }
  }

  @Test
  void complete_unreachable_isUnreachable() {
    String base = Wire.baseUrl(server, "/v1");
    server.close();
    LlmEndpoint gone = LlmEndpoint.openAiCompatible(base, "gpt-4o-mini", null);
    try (LlmBidder bidder = LlmBidder.builder("gpt-mini", gone).build()) {
      assertThatThrownBy(() -> bidder.complete(Prompt.of("hi")))
          .isInstanceOfSatisfying(ProviderException.class,
              e -> assertThat(e.reason()).isEqualTo(ProviderException.Reason.UNREACHABLE));
    }
  }

  @Test
  void bid_pricesEstimatedTokens() {
    try (LlmBidder bidder = bidder()) {
      Prompt prompt = Prompt.of("x".repeat(400)).withDecoding(Decoding.defaults().withMaxOutputTokens(100));
      double cost = bidder.bid(Wire.task(prompt)).orElseThrow().costUsd();

      // 400 ASCII characters are 100 tokens, plus the message overhead; the answer is capped at 100 tokens.
      assertThat(cost).isCloseTo((104 * 0.15 + 100 * 0.60) / 1e6, within(1e-15));
    }
  }

  @Test
  void bid_otherInput_abstains() {
    try (LlmBidder bidder = bidder()) {
      assertThat(bidder.bid(Wire.task(42))).isEmpty();
    }
  }
}
