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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Counts what the exchange does, for Prometheus: auctions and awards, wins and spend per bidder, attempt latency
 * histograms, output validation failures, escalations and failed awards.
 *
 * <p>Meter names follow Micrometer's dotted convention; the Prometheus registry renders {@code atomic.awards} as
 * {@code atomic_awards_total}. Bidder ids become tag values; their number is bounded by the registered bidders.
 */
public final class ExchangeMetrics implements ExchangeListener {

  private final MeterRegistry registry;

  public ExchangeMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    Counter.builder("atomic.auctions").description("auctions held").tag("kind", task.kind())
        .tag("awarded", String.valueOf(decision.awarded())).register(registry).increment();
    if (decision.awarded()) {
      Counter.builder("atomic.awards").description("auctions that found a winner").tag("kind", task.kind())
          .register(registry).increment();
      Counter.builder("atomic.wins").description("auctions won, per bidder").tag("bidder", decision.winner())
          .register(registry).increment();
      DistributionSummary.builder("atomic.bids").description("eligible bids per auction").register(registry)
          .record(decision.ranked().size());
    }
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    attempts(execution.attempts());
    if (execution.escalated()) {
      Counter.builder("atomic.escalations").description("awards served by another bid than the winner's")
          .tag("kind", task.kind()).register(registry).increment();
    }
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    attempts(failure.attempts());
    Counter.builder("atomic.award.failures").description("awards whose every attempt failed")
        .tag("kind", task.kind()).register(registry).increment();
  }

  @Override
  public void onFeedback(String decisionId, Feedback feedback) {
    Counter.builder("atomic.feedback").description("feedback received")
        .tag("accepted", String.valueOf(feedback.quality() >= 0.5)).register(registry).increment();
  }

  private void attempts(List<Attempt> attempts) {
    for (Attempt a : attempts) {
      Counter.builder("atomic.cost").baseUnit("usd").description("what attempts cost, per bidder")
          .tag("bidder", a.arm()).register(registry).increment(a.costUsd());
      Timer.builder("atomic.attempt.latency").description("how long serving took, per bidder and outcome")
          .tag("bidder", a.arm()).tag("status", a.status().name().toLowerCase(java.util.Locale.ROOT))
          .publishPercentileHistogram()
          .register(registry)
          .record(Duration.ofNanos((long) (a.latencyMs() * 1_000_000)));
      if (a.status() == Attempt.Status.REJECTED) {
        Counter.builder("atomic.validation.failures").description("outputs the output check rejected")
            .tag("bidder", a.arm()).register(registry).increment();
      }
    }
  }
}
