package dev.atomic.server.observe;

import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Counts what the exchange does, for Prometheus: auctions and awards, wins and spend per bidder, tokens per bidder and
 * direction ({@code atomic.tokens}, {@code type=input|output}, only from attempts whose bidder reported its usage),
 * attempt latency histograms, output validation failures, escalations and failed awards.
 *
 * <p>Meter names follow Micrometer's dotted convention; the Prometheus registry renders {@code atomic.awards} as
 * {@code atomic_awards_total}. Bidder ids become tag values; their number is bounded by the registered bidders.
 *
 * <p>Each meter is registered once and then found by name and tag values in a map of this class's own: registering
 * through a builder on every award costs the registry an id, sorted tags and a lookup, on the request's path.
 */
public final class ExchangeMetrics implements ExchangeListener {

  private final MeterRegistry registry;
  private final Map<String, Meter> meters = new ConcurrentHashMap<>();

  public ExchangeMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    String awarded = String.valueOf(decision.awarded());
    meter("atomic.auctions", task.kind(), awarded, () -> Counter.builder("atomic.auctions")
        .description("auctions held").tag("kind", task.kind()).tag("awarded", awarded).register(registry))
        .increment();
    if (decision.awarded()) {
      meter("atomic.awards", task.kind(), "", () -> Counter.builder("atomic.awards")
          .description("auctions that found a winner").tag("kind", task.kind()).register(registry))
          .increment();
      meter("atomic.wins", decision.winner(), "", () -> Counter.builder("atomic.wins")
          .description("auctions won, per bidder").tag("bidder", decision.winner()).register(registry))
          .increment();
      meter("atomic.bids", "", "", () -> DistributionSummary.builder("atomic.bids")
          .description("eligible bids per auction").register(registry))
          .record(decision.ranked().size());
    }
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    attempts(execution.attempts());
    if (execution.escalated()) {
      meter("atomic.escalations", task.kind(), "", () -> Counter.builder("atomic.escalations")
          .description("awards served by another bid than the winner's").tag("kind", task.kind()).register(registry))
          .increment();
    }
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    attempts(failure.attempts());
    meter("atomic.award.failures", task.kind(), "", () -> Counter.builder("atomic.award.failures")
        .description("awards whose every attempt failed").tag("kind", task.kind()).register(registry))
        .increment();
  }

  @Override
  public void onFeedback(String decisionId, Feedback feedback) {
    String accepted = String.valueOf(feedback.quality() >= 0.5);
    meter("atomic.feedback", accepted, "", () -> Counter.builder("atomic.feedback")
        .description("feedback received").tag("accepted", accepted).register(registry))
        .increment();
  }

  private void attempts(List<Attempt> attempts) {
    for (Attempt a : attempts) {
      meter("atomic.cost", a.arm(), "", () -> Counter.builder("atomic.cost").baseUnit("usd")
          .description("what attempts cost, per bidder").tag("bidder", a.arm()).register(registry))
          .increment(a.costUsd());
      if (a.usage().tokensKnown()) {
        tokens(a.arm(), "input", a.usage().inputTokens());
        tokens(a.arm(), "output", a.usage().outputTokens());
      }
      String status = a.status().name().toLowerCase(Locale.ROOT);
      meter("atomic.attempt.latency", a.arm(), status, () -> Timer.builder("atomic.attempt.latency")
          .description("how long serving took, per bidder and outcome")
          .tag("bidder", a.arm()).tag("status", status)
          .publishPercentileHistogram()
          .register(registry))
          .record(Duration.ofNanos((long) (a.latencyMs() * 1_000_000)));
      if (a.status() == Attempt.Status.REJECTED) {
        meter("atomic.validation.failures", a.arm(), "", () -> Counter.builder("atomic.validation.failures")
            .description("outputs the output check rejected").tag("bidder", a.arm()).register(registry))
            .increment();
      }
    }
  }

  private void tokens(String bidder, String type, long count) {
    meter("atomic.tokens", bidder, type, () -> Counter.builder("atomic.tokens").baseUnit("tokens")
        .description("tokens the models read (input) and wrote (output), per bidder, where the bidder reported them")
        .tag("bidder", bidder).tag("type", type).register(registry))
        .increment(count);
  }

  /** The meter of this name and tag values, registered by {@code create} the first time. */
  @SuppressWarnings("unchecked")
  private <M extends Meter> M meter(String name, String tag, String secondTag, Supplier<M> create) {
    // '\n' cannot occur in a meter name; kinds and bidder ids are the caller's, so keep the parts apart unambiguously.
    String key = name + '\n' + tag.length() + '\n' + tag + '\n' + secondTag;
    Meter meter = meters.get(key);
    return (M) (meter != null ? meter : meters.computeIfAbsent(key, k -> create.get()));
  }
}
