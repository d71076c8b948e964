package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.output.OutputException;
import dev.atomic.output.StructuredOutput;
import dev.atomic.task.Microtask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model outputs: {@link StructuredOutput#parse} for a few record types yields a value or an {@link OutputException}
 * with path, expected and found; and the same outputs served through a real exchange with the output check are
 * rejected (and escalated to an honest bidder), never accepted as garbage, never paid twice.
 */
class ModelOutputFuzzProperties {

  enum Urgency { LOW, NORMAL, HIGH }

  record Verdict(boolean spam, double confidence, Urgency urgency) {}

  record Line(String item, int quantity, double price) {}

  record Invoice(String vendor, List<Line> lines, double total) {}

  private static final StructuredOutput<Verdict> VERDICTS = StructuredOutput.of(Verdict.class);
  private static final StructuredOutput<Invoice> INVOICES = StructuredOutput.of(Invoice.class);
  private static final List<String> VALID = List.of(
      "{\"spam\":true,\"confidence\":0.93,\"urgency\":\"HIGH\"}",
      "Sure! ```json\n{\"spam\": false, \"confidence\": 0.2, \"urgency\": \"low\"}\n```",
      "{\"vendor\":\"ACME\",\"lines\":[{\"item\":\"bolt\",\"quantity\":3,\"price\":0.5}],\"total\":1.5}",
      "{'vendor': 'ACME', 'lines': [], 'total': 0,}");

  @Property(tries = 1500, seed = "20261126")
  void parse_anyOutput_valueOrOutputExceptionWithPathExpectedFound(@ForAll("outputs") String raw) {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (StructuredOutput<?> output : List.of(VERDICTS, INVOICES)) {
        try {
          assertThat(output.parse(raw).value()).isNotNull();
        } catch (OutputException e) {
          assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path()).startsWith("$");
            assertThat(p.expected()).isNotBlank();
            assertThat(p.found()).isNotNull();
          });
          assertThat(e.getMessage()).isNotBlank();
        }
      }
    });
  }

  @Property(tries = 300, seed = "20261127")
  void parse_invalidUtf8Bytes_valueOrOutputException(@ForAll("outputs") String raw, @ForAll byte noise) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      bytes[bytes.length / 2] = (byte) (noise | 0x80);
    }
    try {
      assertThat(VERDICTS.parse(bytes).value()).isNotNull();
    } catch (OutputException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }

  @Property(tries = 1000, seed = "20261128")
  void exchange_withOutputCheck_acceptsOnlyTypedValuesAndPaysEachAttemptOnce(@ForAll("outputs") String raw) {
    Fixed hostile = new Fixed("hostile", 0.99, raw);
    Fixed honest = new Fixed("honest", 0.6, VALID.getFirst());
    try (Exchange exchange = Exchange.builder().seed(3).bidder(hostile).bidder(honest).build()) {
      Execution e = exchange.execute(Microtask.builder("email.spam").input("win money").build(), VERDICTS.check());

      assertThat(e.output()).isInstanceOf(Verdict.class);
      assertThat(e.attempts()).allSatisfy(a -> assertThat(a.status())
          .isIn(Attempt.Status.SUCCEEDED, Attempt.Status.REJECTED));
      e.attempts().stream().filter(a -> a.status() == Attempt.Status.REJECTED)
          .forEach(a -> assertThat(a.detail()).isNotBlank());
      // Each attempt is one serve call, and no bidder served more often than it was attempted.
      assertThat(hostile.served.get() + honest.served.get()).isEqualTo(e.attempts().size());
      assertThat(e.totalCostUsd()).isEqualTo(e.attempts().size() * Fixed.COST);
    }
  }

  @Provide
  Arbitrary<String> outputs() {
    Arbitrary<String> prose = Combinators.combine(Arbitraries.of("", "Here you go: ", "I think\n", "<json>"),
        Hostile.mutated(VALID), Arbitraries.of("", " Hope that helps!", "</json>", "\n```")).as((a, b, c) -> a + b + c);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Hostile.mutated(VALID)),
        net.jqwik.api.Tuple.of(2, prose),
        net.jqwik.api.Tuple.of(2, Hostile.objectWith(List.of("spam", "confidence", "urgency", "vendor", "lines",
            "total", "item", "quantity", "price"))),
        net.jqwik.api.Tuple.of(1, Hostile.jsonValue()),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(300)));
  }

  /** Bids a fixed claim and answers a fixed text at a fixed cost, counting serve calls. */
  private static final class Fixed implements Bidder {
    static final double COST = 0.001;
    final String id;
    final double quality;
    final String text;
    final AtomicInteger served = new AtomicInteger();

    Fixed(String id, double quality, String text) {
      this.id = id;
      this.quality = quality;
      this.text = text;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(new Bid(quality, 0, COST, Duration.ofMillis(1), "fixed"));
    }

    @Override
    public Answer serve(Microtask task) {
      served.incrementAndGet();
      return Answer.of(text, COST, Duration.ZERO);
    }
  }
}
