package dev.atomic.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Exchange;
import dev.atomic.models.llm.LlmBidder;
import dev.atomic.models.llm.LlmEndpoint;
import dev.atomic.models.llm.Price;
import dev.atomic.models.llm.Secret;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Typed functions served by LLM bidders that talk to loopback servers speaking the OpenAI chat protocol. */
class FunctionsOverHttpTest {

  record Invoice(String number, double total, String currency) {}

  interface Invoices {
    @Task("invoice.extract")
    @Instructions("Extract the invoice fields from this document:\n{{document}}")
    Result<Invoice> extract(String document);

    @Task("invoice.extract")
    @Instructions("Extract the invoice fields from this document:\n{{document}}")
    Invoice extractStreaming(String document, Consumer<Invoice> partial);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MockWebServer cheap = new MockWebServer();
  private final MockWebServer premium = new MockWebServer();
  private Exchange exchange;
  private Atomic atomic;

  @BeforeEach
  void start() throws IOException {
    cheap.start();
    premium.start();
  }

  @AfterEach
  void stop() {
    if (atomic != null) {
      atomic.close();
    }
    if (exchange != null) {
      exchange.close();
    }
    cheap.close();
    premium.close();
  }

  private Invoices functions(boolean streaming) {
    LlmBidder.Builder small = LlmBidder.builder("small-llm", endpoint(cheap, "small-model"))
        .price(new Price(0.1, 0.4)).quality(0.9, 0.05).timeout(java.time.Duration.ofSeconds(5));
    LlmBidder.Builder large = LlmBidder.builder("large-llm", endpoint(premium, "large-model"))
        .price(new Price(5, 15)).quality(0.8, 0.05).timeout(java.time.Duration.ofSeconds(5));
    if (streaming) {
      small.streaming();
    }
    exchange = Exchange.builder().seed(1)
        .estimator(new dev.atomic.estimate.EstimatorConfig(1e-6, 1e-6, 0, 1))
        .bidder(small.build()).bidder(large.build()).build();
    atomic = Atomic.builder().exchange(exchange).build();
    return atomic.functions(Invoices.class);
  }

  private static LlmEndpoint endpoint(MockWebServer server, String model) {
    String url = server.url("/v1").toString();
    return LlmEndpoint.openAiCompatible(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, model,
        Secret.of("sk-test-key", "test"));
  }

  private static MockResponse completion(String content, int in, int out) throws IOException {
    String body = JSON.writeValueAsString(JSON.readTree("""
        {"id":"c","object":"chat.completion","created":1,"model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}"""));
    JsonNode node = JSON.readTree(body);
    ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("choices").get(0).get("message")).put("content", content);
    ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("usage")).put("prompt_tokens", in)
        .put("completion_tokens", out);
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(JSON.writeValueAsString(node)).build();
  }

  @Test
  void extract_repairsTheModelsJsonAndSendsTheRenderedPromptWithTheSchema() throws Exception {
    cheap.enqueue(completion("Here you go:\n```json\n{'number': 'INV-7', total: \"1250.50\", currency: 'EUR',}\n```",
        120, 30));
    Invoices invoices = functions(false);
    Result<Invoice> result = invoices.extract("ACME GmbH, Invoice INV-7, total EUR 1,250.50");
    assertThat(result.value()).isEqualTo(new Invoice("INV-7", 1250.50, "EUR"));
    assertThat(result.servedBy()).isEqualTo("small-llm");
    assertThat(result.costUsd()).isCloseTo((120 * 0.1 + 30 * 0.4) / 1e6, org.assertj.core.data.Offset.offset(1e-15));

    RecordedRequest request = cheap.takeRequest(5, TimeUnit.SECONDS);
    JsonNode body = JSON.readTree(request.getBody().utf8());
    assertThat(body.path("model").asText()).isEqualTo("small-model");
    assertThat(body.path("messages").get(0).path("content").asText())
        .startsWith("Extract the invoice fields from this document:\nACME GmbH, Invoice INV-7, total EUR 1,250.50")
        .contains("Answer with JSON matching this type");
    assertThat(body.path("response_format").path("json_schema").path("schema").path("properties").has("total"))
        .isTrue();
  }

  @Test
  void extract_failingModelEscalatesToTheNextBid() throws Exception {
    cheap.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"overloaded\"}}").build());
    premium.enqueue(completion("{\"number\":\"INV-8\",\"total\":99.0,\"currency\":\"USD\"}", 100, 20));
    Invoices invoices = functions(false);
    Result<Invoice> result = invoices.extract("Invoice INV-8, total USD 99");
    assertThat(result.value()).isEqualTo(new Invoice("INV-8", 99.0, "USD"));
    assertThat(result.execution().attempts()).extracting(Attempt::arm, Attempt::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("small-llm", Attempt.Status.FAILED),
        org.assertj.core.groups.Tuple.tuple("large-llm", Attempt.Status.SUCCEEDED));
    assertThat(result.execution().attempts().getFirst().detail()).contains("503");
  }

  @Test
  void extractStreaming_deliversPartialInvoicesAsTheModelStreams() throws Exception {
    StringBuilder sse = new StringBuilder();
    for (String piece : List.of("{\"number\": \"INV", "-9\", \"cur", "rency\": \"EUR\", \"to", "tal\": 12", ".5}")) {
      sse.append("data: ").append(JSON.writeValueAsString(JSON.readTree(
          "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
              + "\"delta\":{\"content\":" + JSON.writeValueAsString(piece) + "},\"finish_reason\":null}]}")))
          .append("\n\n");
    }
    sse.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
        + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":12,\"total_tokens\":62}}\n\ndata: [DONE]\n\n");
    cheap.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(sse.toString()).build());
    Invoices invoices = functions(true);
    List<Invoice> partials = new CopyOnWriteArrayList<>();
    Invoice whole = invoices.extractStreaming("Invoice INV-9, EUR 12.50", partials::add);
    assertThat(whole).isEqualTo(new Invoice("INV-9", 12.5, "EUR"));
    assertThat(partials).isNotEmpty();
    assertThat(partials).allSatisfy(p -> assertThat(p.number() == null || p.number().equals("INV-9")).isTrue());
    assertThat(partials).anySatisfy(p -> assertThat(p.number()).isEqualTo("INV-9"));
  }
}
