package dev.atomic.examples.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.functions.Result;
import dev.atomic.models.llm.LlmBidder;
import dev.atomic.models.llm.LlmEndpoint;
import dev.atomic.models.llm.Price;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The invoice example end to end, against an OpenAI-protocol server on loopback that answers as a sloppy model. */
class InvoiceExampleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void extract_sloppyAnswerBecomesATypedInvoice() throws Exception {
    String answer = """
        Sure, here is the invoice:
        {
          vendor: 'ACME GmbH',
          number: 'INV-2026-0042',
          date: '2026-11-02',
          lines: {description: 'Consulting', quantity: '3', amount: 900.00},  // one line only
          total: 1071.00,
          currency: 'eur',
        }
        """;
    ObjectNode body = (ObjectNode) JSON.readTree("""
        {"id":"c","object":"chat.completion","created":1,"model":"small",
         "choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":310,"completion_tokens":85,"total_tokens":395}}""");
    ((ObjectNode) body.get("choices").get(0).get("message")).put("content", answer);
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(JSON.writeValueAsString(body)).build());
      String url = server.url("/v1").toString().replaceAll("/$", "");
      LlmBidder model = LlmBidder.builder("small", LlmEndpoint.openAiCompatible(url, "small", null))
          .price(new Price(0.15, 0.6)).timeout(Duration.ofSeconds(10)).build();
      InvoiceExample example = new InvoiceExample(List.of(model));
      try {
        Result<Invoice> invoice = example.extract("ACME GmbH — Invoice INV-2026-0042 — 2 Nov 2026 ...");
        assertThat(invoice.value()).isEqualTo(new Invoice("ACME GmbH", "INV-2026-0042", LocalDate.of(2026, 11, 2),
            List.of(new Invoice.Line("Consulting", 3, 900.00)), 1071.00, "eur"));
        assertThat(invoice.costUsd()).isCloseTo((310 * 0.15 + 85 * 0.6) / 1e6,
            org.assertj.core.data.Offset.offset(1e-15));
        String prompt = server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
        assertThat(prompt).contains("You read invoices.").contains("INV-2026-0042");
      } finally {
        example.close();
      }
    }
  }
}
