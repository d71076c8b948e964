package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.AtomicException;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Feedback;
import dev.atomic.store.FeedbackEntry;
import dev.atomic.store.Store;
import dev.atomic.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Feedback at every entrance but HTTP (which {@link ApiFuzzProperties} covers): core {@link Feedback} values, the
 * exchange's feedback for unknown decisions, the store's parser of wire feedback, and feedback writes to the ledger.
 */
class FeedbackFuzzProperties {

  private static final Instant AT = Instant.parse("2026-11-26T00:00:00Z");
  private static Path dir;
  private static Store store;
  private static Exchange exchange;

  @BeforeContainer
  static void open() throws Exception {
    dir = Files.createTempDirectory("atomic-feedback-fuzz");
    store = Store.open(c -> c.sqlite(dir.resolve("feedback.db")));
    exchange = Exchange.builder().seed(5).build();
  }

  @AfterContainer
  static void close() throws Exception {
    exchange.close();
    store.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 2000, seed = "20261126")
  void feedback_anyNumbers_acceptedExactlyWhenInRange(@ForAll("numbers") double quality,
      @ForAll("numbers") double cost, @ForAll("numbers") double latency) {
    boolean valid = quality >= 0 && quality <= 1 && (Double.isNaN(cost) || cost >= 0 && cost < Double.POSITIVE_INFINITY)
        && (Double.isNaN(latency) || latency >= 0 && latency < Double.POSITIVE_INFINITY);
    if (valid) {
      assertThat(new Feedback(quality, cost, latency).quality()).isEqualTo(quality);
    } else {
      assertThatThrownBy(() -> new Feedback(quality, cost, latency))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("feedback")
          .satisfiesAnyOf(e -> assertThat(e.getMessage()).contains(String.valueOf(quality)),
              e -> assertThat(e.getMessage()).contains(String.valueOf(cost)),
              e -> assertThat(e.getMessage()).contains(String.valueOf(latency)));
    }
  }

  @Property(tries = 1000, seed = "20261127")
  void exchangeFeedback_unknownDecision_isAnAtomicExceptionNamingIt(@ForAll("ids") String decisionId) {
    assertThatThrownBy(() -> exchange.feedback(decisionId, Feedback.accepted()))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("'" + decisionId + "'");
  }

  @Property(tries = 1500, seed = "20261128")
  void parse_anyWireFeedback_entryOrStoreException(@ForAll("bodies") String json) {
    try {
      FeedbackEntry entry = FeedbackEntry.parse("d-1", json, AT);
      assertThat(entry.feedback().quality()).isBetween(0.0, 1.0);
    } catch (StoreException e) {
      assertThat(e.getMessage()).startsWith("feedback for decision d-1");
    }
  }

  @Property(tries = 1000, seed = "20261129")
  void record_feedbackForAnUnknownDecision_failsNamingItAndWritesNothing(@ForAll("ids") String decisionId,
      @ForAll("qualities") double quality) throws Exception {
    FeedbackEntry entry;
    try {
      entry = new FeedbackEntry(decisionId, Feedback.score(quality), "", AT);
    } catch (StoreException | IllegalArgumentException badId) {
      assertThat(badId.getMessage()).contains("decision id");
      return;
    }
    var written = store.record(entry);
    assertThatThrownBy(() -> written.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(StoreException.class)
        .hasMessageContaining(decisionId);
    assertThat(store.ledger().award(decisionId)).isEmpty();
  }

  @Provide
  Arbitrary<Double> numbers() {
    return Arbitraries.oneOf(Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
        1.0, -1.0, 1.0000001, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_VALUE), Arbitraries.doubles()
        .between(-2, 2), Arbitraries.doubles());
  }

  @Provide
  Arbitrary<Double> qualities() {
    return Arbitraries.doubles().between(0, 1);
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(80),
        Arbitraries.strings().alpha().numeric().withChars("-").ofLength(36),
        Arbitraries.of("'; DROP TABLE feedback; --", "\u0000", " ", "x".repeat(500)));
  }

  @Provide
  Arbitrary<String> bodies() {
    return Hostile.body(List.of("{\"quality\":1}", "{\"quality\":0.4,\"actualCostUsd\":0.002,\"actualLatencyMs\":840,"
            + "\"note\":\"fine\"}"), List.of("quality", "actualCostUsd", "actualLatencyMs", "note"))
        .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
  }
}
