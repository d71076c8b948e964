package dev.atomic.models.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bidder;
import dev.atomic.models.embed.TextEmbedder;
import dev.atomic.models.llm.LlmBidder;
import dev.atomic.models.llm.Price;
import dev.atomic.models.llm.Secrets;
import dev.atomic.task.Microtask;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfiguredModelsTest {

  private static final String KEY = "sk-test-config-0123456789SECRET";
  private static final String COMPLETION = """
      {"id":"c1","object":"chat.completion","created":1700000000,"model":"tiny",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Hello back"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12}}""";

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String config(String keyName) {
    String url = server.url("/v1").toString();
    return """
        models:
          - id: tiny
            type: openai-compatible
            baseUrl: %s
            model: tiny
            apiKeyName: %s
            price: { inputPerMillion: 1.0, outputPerMillion: 2.0 }
            kinds: [text.reply]
        """.formatted(url, keyName);
  }

  @Test
  void create_openAiCompatible_callsTheEndpointWithTheNamedKey() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(COMPLETION).build());
    ModelsConfig config = ModelsConfig.parse("test.yaml", config("TINY_KEY"));

    try (ConfiguredModels models = ConfiguredModels.create(config, Secrets.of(Map.of("TINY_KEY", KEY)))) {
      Bidder bidder = models.bidders().getFirst();
      assertThat(bidder.id()).isEqualTo("tiny");
      assertThat(((LlmBidder) bidder).price()).isEqualTo(new Price(1.0, 2.0));
      assertThat(bidder.bid(Microtask.builder("other.kind").input("hi").build())).isEmpty();
      Answer answer = bidder.serve(Microtask.builder("text.reply").input("Hello").build());
      assertThat(answer.output()).isEqualTo("Hello back");
      assertThat(models.adaptation()).isEmpty();
    }
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void create_missingKey_namesTheVariableNotAnyValue() {
    ModelsConfig config = ModelsConfig.parse("test.yaml", config("TINY_KEY"));

    assertThatThrownBy(() -> ConfiguredModels.create(config, Secrets.of(Map.of("OTHER", KEY))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model 'tiny' (openai-compatible) cannot be built")
        .hasMessageContaining("TINY_KEY")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
  }

  @Test
  void create_unpricedUnknownModel_isAClearError() {
    ModelsConfig config = ModelsConfig.parse("test.yaml",
        "models:\n  - {id: m, type: openai-compatible, baseUrl: 'http://127.0.0.1:9/v1', model: no-such-model}\n");

    assertThatThrownBy(() -> ConfiguredModels.create(config, Secrets.of(Map.of())))
        .hasMessageContaining("model 'm' (openai-compatible) cannot be built")
        .hasMessageContaining("not in the price table");
  }

  @Test
  void create_heads_shareOneEmbedderMadeOnlyWhenNeeded() throws Exception {
    AtomicInteger made = new AtomicInteger();
    ModelsConfig config = ModelsConfig.parse("test.yaml", """
        models:
          - {id: spam-knn, type: head, kind: email.spam, algorithm: knn}
          - {id: spam-logistic, type: head, kind: email.spam, algorithm: logistic}
        """);

    try (ConfiguredModels models = ConfiguredModels.create(config, Secrets.of(Map.of()), () -> {
      made.incrementAndGet();
      return new HashEmbedder();
    })) {
      assertThat(models.bidders()).extracting(Bidder::id).containsExactly("spam-knn", "spam-logistic");
      assertThat(models.adaptation()).isPresent();
      // A head abstains until it has learned enough labels.
      assertThat(models.bidders().getFirst().bid(Microtask.builder("email.spam").input("win").build())).isEmpty();
    }
    assertThat(made).hasValue(1);
    try (ConfiguredModels none = ConfiguredModels.create(ModelsConfig.none(), Secrets.of(Map.of()), () -> {
      made.incrementAndGet();
      return new HashEmbedder();
    })) {
      assertThat(none.bidders()).isEmpty();
    }
    assertThat(made).hasValue(1);
  }

  /** A deterministic stand-in embedder: character counts, normalised. Not a language model. */
  private static final class HashEmbedder implements TextEmbedder {
    @Override
    public String id() {
      return "hash-test";
    }

    @Override
    public int dimension() {
      return 16;
    }

    @Override
    public float[] embed(String text) {
      float[] v = new float[16];
      text.chars().forEach(c -> v[c % 16] += 1);
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / Math.max(1e-9, Math.sqrt(norm)));
      }
      return v;
    }

    @Override
    public void close() {}
  }
}
