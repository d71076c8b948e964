package dev.atomic.examples.invoice;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Utility;
import dev.atomic.functions.Atomic;
import dev.atomic.functions.Result;
import dev.atomic.models.llm.LlmBidder;
import dev.atomic.models.llm.LlmEndpoint;
import dev.atomic.models.llm.Secret;
import dev.atomic.models.llm.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Extracts an invoice with the LLMs a user configures: each is a bidder, the exchange picks one per document under the
 * limits of {@link InvoiceExtraction}, repairs and validates what it wrote, and escalates when it fails.
 *
 * <pre>
 *   ATOMIC_OPENAI_API_KEY=... java ... dev.atomic.examples.invoice.InvoiceExample https://api.openai.com/v1 invoice.txt
 * </pre>
 * Any OpenAI-compatible server works (vLLM, llama.cpp's server, Ollama, LM Studio); no key is needed for local ones.
 */
public final class InvoiceExample {

  private final Exchange exchange;
  private final Atomic atomic;
  private final InvoiceExtraction extraction;

  /** An extraction over the given bidders (usually a small and a large model). */
  public InvoiceExample(List<LlmBidder> models) {
    Exchange.Builder builder = Exchange.builder().utility(Utility.of(20, 0.05));
    models.forEach(builder::bidder);
    this.exchange = builder.build();
    this.atomic = Atomic.builder().exchange(exchange).build();
    this.extraction = atomic.functions(InvoiceExtraction.class);
  }

  public Result<Invoice> extract(String document) {
    return extraction.extract(document);
  }

  public void close() {
    atomic.close();
    exchange.close();
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: InvoiceExample <openai-compatible base url> <document file>");
      System.exit(2);
    }
    Secret key = Secrets.fromEnvironment().find("ATOMIC_OPENAI_API_KEY").orElse(null);
    LlmEndpoint small = LlmEndpoint.openAiCompatible(args[0], "gpt-4o-mini", key);
    LlmEndpoint large = LlmEndpoint.openAiCompatible(args[0], "gpt-4o", key);
    InvoiceExample example = new InvoiceExample(List.of(LlmBidder.builder("gpt-4o-mini", small).build(),
        LlmBidder.builder("gpt-4o", large).quality(0.95, 0.05).build()));
    try {
      Result<Invoice> invoice = example.extract(Files.readString(Path.of(args[1])));
      System.out.println(invoice.value());
      System.out.println(invoice.decision().explain());
    } finally {
      example.close();
    }
  }
}
