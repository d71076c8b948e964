package dev.atomic.server.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.NoEligibleBidException;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.task.Microtask;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeTracingTest {

  InMemorySpanExporter exporter;
  Telemetry telemetry;
  ExchangeTracing tracing;
  Exchange exchange;

  @BeforeEach
  void setUp() {
    exporter = InMemorySpanExporter.create();
    telemetry = Telemetry.exportingTo(exporter, "atomic-test");
    tracing = new ExchangeTracing(telemetry, InstantSource.system());
    exchange = Exchange.builder().seed(1).listener(tracing)
        .bidder(new ScriptedBidder("cheap", 0.8, 0.001, 20, "ham"))
        .bidder(new ScriptedBidder("premium", 0.99, 0.02, 200, "spam"))
        .build();
  }

  @AfterEach
  void tearDown() {
    exchange.close();
    telemetry.close();
  }

  private List<SpanData> spans() {
    telemetry.flush();
    return exporter.getFinishedSpanItems();
  }

  private static SpanData named(List<SpanData> spans, String prefix) {
    return spans.stream().filter(s -> s.getName().startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void traced_recordsAuctionAndModelCallUnderTheMicrotask() {
    Microtask task = Microtask.builder("email.spam").input("hi").build();
    Execution execution = tracing.traced(task, () -> exchange.execute(task));

    List<SpanData> spans = spans();
    SpanData root = named(spans, "atomic.microtask");
    SpanData auction = named(spans, "atomic.auction");
    SpanData call = named(spans, "atomic.call");
    assertThat(auction.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(call.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(auction.getTraceId()).isEqualTo(root.getTraceId());

    assertThat(auction.getAttributes().get(ExchangeTracing.BID_COUNT)).isEqualTo(2L);
    assertThat(auction.getAttributes().get(ExchangeTracing.WINNER)).isEqualTo(execution.decision().winner());
    assertThat(auction.getAttributes().get(ExchangeTracing.COST_EXPECTED))
        .isEqualTo(execution.decision().winningBid().orElseThrow().expectedCostUsd());
    // the scripted bidders name no model: the bidder stands in, and no token counts are made up
    assertThat(call.getAttributes().get(ExchangeTracing.MODEL)).isEqualTo(execution.servedBy());
    assertThat(call.getAttributes().get(ExchangeTracing.BIDDER)).isEqualTo(execution.servedBy());
    assertThat(call.getAttributes().get(ExchangeTracing.INPUT_TOKENS)).isNull();
    assertThat(root.getAttributes().get(ExchangeTracing.OUTPUT_TOKENS)).isNull();
    assertThat(call.getAttributes().get(ExchangeTracing.COST_ACTUAL)).isEqualTo(execution.totalCostUsd());
    assertThat(root.getAttributes().get(ExchangeTracing.COST_ACTUAL)).isEqualTo(execution.totalCostUsd());
    assertThat(call.getEndEpochNanos() - call.getStartEpochNanos())
        .isEqualTo((long) (execution.attempts().getFirst().latencyMs() * 1_000_000));
  }

  @Test
  void traced_meteredCalls_carryTheModelAndTokensAndTheRootTheTotals() {
    try (Exchange metered = Exchange.builder().seed(1).listener(tracing)
        .bidder(new ScriptedBidder("premium", 0.99, 0.02, 200, "garbage")
            .metered(Usage.of("gpt-4o-2024-08-06", 900, 60)))
        .bidder(new ScriptedBidder("cheap", 0.5, 0.001, 20, "ham").metered(Usage.of("llama3.2:1b", 300, 4)))
        .build()) {
      Microtask task = Microtask.builder("email.spam").input("hi").build();
      OutputCheck onlyHam = (t, answer) -> "ham".equals(answer.output())
          ? new OutputCheck.Verdict.Accept(answer.output())
          : new OutputCheck.Verdict.Reject("not a label");
      Execution execution = tracing.traced(task, () -> metered.execute(task, onlyHam));
      assertThat(execution.attempts()).hasSize(2);

      List<SpanData> spans = spans();
      SpanData first = spans.stream().filter(s -> s.getName().equals("atomic.call premium")).findFirst().orElseThrow();
      SpanData second = spans.stream().filter(s -> s.getName().equals("atomic.call cheap")).findFirst().orElseThrow();
      SpanData root = named(spans, "atomic.microtask");
      assertThat(first.getAttributes().get(ExchangeTracing.MODEL)).isEqualTo("gpt-4o-2024-08-06");
      assertThat(first.getAttributes().get(ExchangeTracing.BIDDER)).isEqualTo("premium");
      assertThat(first.getAttributes().get(ExchangeTracing.INPUT_TOKENS)).isEqualTo(900L);
      assertThat(first.getAttributes().get(ExchangeTracing.OUTPUT_TOKENS)).isEqualTo(60L);
      assertThat(second.getAttributes().get(ExchangeTracing.MODEL)).isEqualTo("llama3.2:1b");
      assertThat(second.getAttributes().get(ExchangeTracing.BIDDER)).isEqualTo("cheap");
      assertThat(second.getAttributes().get(ExchangeTracing.INPUT_TOKENS)).isEqualTo(300L);
      assertThat(second.getAttributes().get(ExchangeTracing.OUTPUT_TOKENS)).isEqualTo(4L);
      assertThat(root.getAttributes().get(ExchangeTracing.INPUT_TOKENS)).isEqualTo(1200L);
      assertThat(root.getAttributes().get(ExchangeTracing.OUTPUT_TOKENS)).isEqualTo(64L);
    }
  }

  @Test
  void traced_marksTheRootAsErrorWhenNothingIsAwarded() {
    Microtask task = Microtask.builder("email.spam").maxCostUsd(0).build();
    assertThatThrownBy(() -> tracing.traced(task, () -> exchange.execute(task)))
        .isInstanceOf(NoEligibleBidException.class);
    List<SpanData> spans = spans();
    assertThat(named(spans, "atomic.microtask").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(named(spans, "atomic.auction").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(spans).noneMatch(s -> s.getName().startsWith("atomic.call"));
  }

  @Test
  void off_exportsNothingAndCostsNothing() {
    try (Telemetry off = Telemetry.off()) {
      ExchangeTracing quiet = new ExchangeTracing(off, InstantSource.system());
      Microtask task = Microtask.builder("email.spam").build();
      assertThat(quiet.traced(task, () -> "done")).isEqualTo("done");
    }
  }
}
