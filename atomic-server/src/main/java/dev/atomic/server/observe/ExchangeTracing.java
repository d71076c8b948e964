package dev.atomic.server.observe;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.ScoredBid;
import dev.atomic.task.Microtask;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * OpenTelemetry spans for each microtask the service serves: an {@code atomic.microtask} span (a root for
 * {@code POST /v1/microtasks}, a child of its step for a pipeline run: see {@link RunTracing}), an
 * {@code atomic.auction} child for the auction and one child per model call, with Atomic's attributes
 * ({@code atomic.bid_count}, {@code atomic.winner}, {@code atomic.cost.expected}, {@code atomic.cost.actual}).
 *
 * <p>Each call span carries the GenAI semantic conventions' {@code gen_ai.request.model} (the model the bidder says it
 * called, such as {@code gpt-4o-mini-2024-07-18}; the bidder id when it names none; a cascade's members' models joined
 * by commas) and, when the bidder reported them, {@code gen_ai.usage.input_tokens} and
 * {@code gen_ai.usage.output_tokens}; {@code atomic.bidder} is always the bidder (or cascade) id. The microtask span
 * gets the token totals of every attempt whose usage is known.
 *
 * <p>The exchange reports an auction only once it has closed, and attempts only once the award is served, so the child
 * spans are built after the fact with explicit start times: the auction starts when {@link #traced} began it (passed
 * down in a scoped value, since the exchange calls listeners on the caller's thread), and each call ends where the next
 * began, back from the moment the execution was reported.
 */
public final class ExchangeTracing implements ExchangeListener {

  static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> BIDDER = AttributeKey.stringKey("atomic.bidder");
  static final AttributeKey<Long> BID_COUNT = AttributeKey.longKey("atomic.bid_count");
  static final AttributeKey<String> WINNER = AttributeKey.stringKey("atomic.winner");
  static final AttributeKey<Double> COST_EXPECTED = AttributeKey.doubleKey("atomic.cost.expected");
  static final AttributeKey<Double> COST_ACTUAL = AttributeKey.doubleKey("atomic.cost.actual");

  private static final ScopedValue<Long> AUCTION_START_NANOS = ScopedValue.newInstance();

  private final Tracer tracer;
  private final InstantSource clock;
  private final boolean enabled;

  public ExchangeTracing(Telemetry telemetry, InstantSource clock) {
    this.tracer = Objects.requireNonNull(telemetry, "telemetry").openTelemetry().getTracer("dev.atomic.server");
    this.clock = Objects.requireNonNull(clock, "clock");
    // With tracing off (the default) the no-op tracer would still cost each request its builders and a scoped value.
    this.enabled = telemetry.tracing();
  }

  /** Runs {@code work} (which auctions and serves {@code task}) inside the microtask's span, under the current one. */
  public <T> T traced(Microtask task, Supplier<T> work) {
    if (!enabled) {
      return work.get();
    }
    long start = epochNanos(clock.instant());
    Span span = tracer.spanBuilder("atomic.microtask " + task.kind())
        .setSpanKind(SpanKind.INTERNAL)
        .setStartTimestamp(start, TimeUnit.NANOSECONDS)
        .setAttribute("atomic.task_id", task.id())
        .setAttribute("atomic.kind", task.kind())
        .setAttribute("atomic.tenant", task.tenant())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return ScopedValue.where(AUCTION_START_NANOS, start).call(work::get);
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    if (!enabled) {
      return;
    }
    long now = epochNanos(clock.instant());
    var builder = tracer.spanBuilder("atomic.auction")
        .setAttribute("atomic.decision_id", decision.id())
        .setAttribute("atomic.kind", decision.kind())
        .setAttribute(BID_COUNT, (long) decision.ranked().size())
        .setAttribute("atomic.excluded_count", (long) decision.exclusions().size());
    if (AUCTION_START_NANOS.isBound()) {
      builder.setStartTimestamp(Math.min(AUCTION_START_NANOS.get(), now), TimeUnit.NANOSECONDS);
    }
    Span auction = builder.startSpan();
    Span root = Span.current();
    root.setAttribute("atomic.decision_id", decision.id());
    if (decision.awarded()) {
      ScoredBid winner = decision.winningBid().orElseThrow();
      auction.setAttribute(WINNER, decision.winner());
      auction.setAttribute(COST_EXPECTED, winner.expectedCostUsd());
      root.setAttribute(WINNER, decision.winner());
      root.setAttribute(COST_EXPECTED, winner.expectedCostUsd());
    } else {
      auction.setStatus(StatusCode.ERROR, "no eligible bid");
    }
    auction.end(now, TimeUnit.NANOSECONDS);
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    if (!enabled) {
      return;
    }
    calls(execution.attempts());
    Span.current().setAttribute(COST_ACTUAL, execution.totalCostUsd());
    tokens(Span.current(), execution.totalUsage());
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    if (!enabled) {
      return;
    }
    calls(failure.attempts());
    Span.current().setAttribute(COST_ACTUAL, failure.attempts().stream().mapToDouble(Attempt::costUsd).sum());
    tokens(Span.current(), Execution.total(failure.attempts()));
  }

  private void calls(List<Attempt> attempts) {
    long end = epochNanos(clock.instant());
    for (Attempt a : attempts.reversed()) {
      long start = end - (long) (a.latencyMs() * 1_000_000);
      Span call = tracer.spanBuilder("atomic.call " + a.arm())
          .setSpanKind(SpanKind.CLIENT)
          .setStartTimestamp(start, TimeUnit.NANOSECONDS)
          .setAttribute(MODEL, a.usage().modelKnown() ? a.usage().model() : a.arm())
          .setAttribute(BIDDER, a.arm())
          .setAttribute("atomic.attempt", (long) a.number())
          .setAttribute("atomic.attempt.status", a.status().name())
          .setAttribute(COST_ACTUAL, a.costUsd())
          .startSpan();
      tokens(call, a.usage());
      if (a.status() != Attempt.Status.SUCCEEDED) {
        call.setStatus(StatusCode.ERROR, a.detail());
      }
      call.end(end, TimeUnit.NANOSECONDS);
      end = start;
    }
  }

  /** The GenAI token attributes, only when the counts are known: a missing attribute is honest, a -1 is not. */
  private static void tokens(Span span, Usage usage) {
    if (usage.tokensKnown()) {
      span.setAttribute(INPUT_TOKENS, usage.inputTokens());
      span.setAttribute(OUTPUT_TOKENS, usage.outputTokens());
    }
  }

  private static long epochNanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
