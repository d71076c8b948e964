package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Utility;
import dev.atomic.task.Microtask;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Set;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LangChain4j models that a user built, wrapped as bidders, in real auctions of the exchange. */
class LlmBidderTest {

  private static final String MINI_ANSWER = """
      {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini",
       "choices":[{"index":0,"message":{"role":"assistant","content":"spam"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":42,"completion_tokens":3,"total_tokens":45}}""";
  private static final String OPUS_ANSWER = """
      {"id":"msg_1","type":"message","role":"assistant","model":"claude-opus-4-20250514",
       "content":[{"type":"text","text":"spam"}],"stop_reason":"end_turn","usage":{"input_tokens":40,"output_tokens":2}}""";

  // Bids are computed in memory; the deadline only guards a loaded CI machine against a spurious exclusion.
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  private MockWebServer miniServer;
  private MockWebServer opusServer;
  private LlmBidder mini;
  private LlmBidder opus;

  @BeforeEach
  void start() {
    miniServer = Wire.start();
    opusServer = Wire.start();
    ChatModel miniModel = OpenAiChatModel.builder()
        .httpClientBuilder(LlmEndpoint.httpClientBuilder())
        .baseUrl(Wire.baseUrl(miniServer, "/v1"))
        .apiKey("mini-key")
        .modelName("gpt-4o-mini")
        .maxRetries(0)
        .build();
    ChatModel opusModel = AnthropicChatModel.builder()
        .httpClientBuilder(LlmEndpoint.httpClientBuilder())
        .baseUrl(Wire.baseUrl(opusServer, "/v1"))
        .apiKey("opus-key")
        .modelName("claude-opus-4-20250514")
        .maxRetries(0)
        .build();
    mini = LlmBidder.wrapping("mini", miniModel).modelName("gpt-4o-mini").quality(0.8, 0.1).build();
    opus = LlmBidder.wrapping("opus", opusModel).modelName("claude-opus-4-20250514").quality(0.8, 0.1).build();
  }

  @AfterEach
  void stop() {
    mini.close();
    opus.close();
    miniServer.close();
    opusServer.close();
  }

  private Exchange exchange(Utility utility) {
    return Exchange.builder().seed(7).bidTimeout(GENEROUS).utility(utility).bidder(mini).bidder(opus).build();
  }

  private static Microtask task(double maxCostUsd) {
    return Microtask.builder("email.spam").input(Prompt.of("Is 'WIN A PRIZE NOW' spam? Answer spam or ham."))
        .maxCostUsd(maxCostUsd).build();
  }

  @Test
  void execute_costCap_cheapModelWinsAndAnswerCostIsRealUsage() {
    miniServer.enqueue(Wire.json(200, MINI_ANSWER));
    try (Exchange exchange = exchange(Utility.qualityOnly())) {
      Execution execution = exchange.execute(task(0.001));

      assertThat(execution.servedBy()).isEqualTo("mini");
      assertThat(execution.output()).isEqualTo("spam");
      assertThat(execution.answer().costUsd()).isCloseTo((42 * 0.15 + 3 * 0.60) / 1e6, within(1e-15));
      assertThat(execution.attempts().getFirst().usage().inputTokens()).isEqualTo(42);
      assertThat(execution.totalUsage().outputTokens()).isEqualTo(3);
      Decision decision = execution.decision();
      assertThat(decision.exclusions()).anySatisfy(e -> assertThat(e.toString()).contains("opus"));
      assertThat(opusServer.getRequestCount()).isZero();
    }
  }

  @Test
  void execute_cheapModelRateLimited_escalatesToTheNextBid() {
    miniServer.enqueue(Wire.rateLimited("5"));
    opusServer.enqueue(Wire.json(200, OPUS_ANSWER));
    try (Exchange exchange = exchange(Utility.of(100, 0))) {
      Execution execution = exchange.execute(task(Double.POSITIVE_INFINITY));

      assertThat(execution.decision().winner()).isEqualTo("mini");
      assertThat(execution.servedBy()).isEqualTo("opus");
      assertThat(execution.attempts()).extracting(Attempt::status)
          .containsExactly(Attempt.Status.FAILED, Attempt.Status.SUCCEEDED);
      assertThat(execution.attempts().getFirst().detail()).contains("RATE_LIMITED", "429", "retry after PT5S");
      assertThat(execution.answer().costUsd()).isCloseTo((40 * 15.0 + 2 * 75.0) / 1e6, within(1e-15));
    }
  }

  @Test
  void execute_bidderServesOnlyItsKinds_otherWins() {
    opusServer.enqueue(Wire.json(200, OPUS_ANSWER));
    LlmBidder narrow = LlmBidder.wrapping("narrow", OpenAiChatModel.builder()
            .baseUrl(Wire.baseUrl(miniServer, "/v1")).apiKey("k").modelName("gpt-4o-mini").build())
        .modelName("gpt-4o-mini").kinds(Set.of("email.language")).build();
    try (narrow;
        Exchange exchange = Exchange.builder().seed(7).bidTimeout(GENEROUS).bidder(narrow).bidder(opus).build()) {
      Execution execution = exchange.execute(task(Double.POSITIVE_INFINITY));

      assertThat(execution.servedBy()).isEqualTo("opus");
      assertThat(miniServer.getRequestCount()).isZero();
    }
  }

  @Test
  void build_unknownModelWithoutPrice_saysHowToFix() {
    assertThatThrownBy(() -> LlmBidder.wrapping("x", new ChatModel() {})
            .modelName("my-finetune").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'my-finetune'")
        .hasMessageContaining("price(...)");
  }
}
