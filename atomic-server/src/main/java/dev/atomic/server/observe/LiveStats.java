package dev.atomic.server.observe;

import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.ScoredBid;
import dev.atomic.store.AwardView;
import dev.atomic.store.ExecutionEntry;
import dev.atomic.task.Microtask;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's figures since the server started, and over the ledger's most recent awards before that (replayed at
 * start, {@link #recorded}): per bidder its win share, latency percentiles, spend over time,
 * success rate and calibration (claimed against observed quality), and the money saved against an always-premium
 * baseline.
 *
 * <p>The baseline of an executed decision is what the exchange expected the premium bidder to cost (the configured
 * one when it bid, otherwise the most expensive eligible bid): an estimate, since the premium bidder did not serve it.
 * Memory is bounded: the last {@value #LATENCY_WINDOW} latencies per bidder, {@value #MINUTES} minutes of spend, and
 * {@value #PENDING} decisions awaiting feedback. One lock guards it all; every update is a few arithmetic operations.
 */
public final class LiveStats implements ExchangeListener {

  static final int LATENCY_WINDOW = 2048;
  static final int MINUTES = 180;
  static final int PENDING = 50_000;

  /** What one bidder has done since {@link Snapshot#since}. */
  public record BidderLive(
      String bidder,
      long wins,
      double winShare,
      long served,
      double spendUsd,
      double latencyP50Ms,
      double latencyP90Ms,
      double latencyP99Ms,
      long feedback,
      double successRate,
      double meanClaimedQuality,
      double meanObservedQuality) {}

  /** Spend of one minute, per bidder. */
  public record SpendPoint(Instant minute, Map<String, Double> usdByBidder) {}

  /** Everything the dashboard draws. */
  public record Snapshot(
      Instant since,
      long decisions,
      long awarded,
      long executions,
      long failures,
      double spendUsd,
      double premiumBaselineUsd,
      double savedUsd,
      String premiumBidder,
      List<BidderLive> bidders,
      List<SpendPoint> spend) {}

  private record Served(String bidder, double claimedQuality) {}

  private static final class PerBidder {
    long wins;
    long served;
    double spend;
    final double[] latencies = new double[LATENCY_WINDOW];
    int latencyCount;
    long feedback;
    long accepted;
    double claimedSum;
    double observedSum;
  }

  private final InstantSource clock;
  private final String premiumBidder;
  private Instant since;
  private final Map<String, PerBidder> bidders = new TreeMap<>();
  private final TreeMap<Long, Map<String, Double>> spendByMinute = new TreeMap<>();
  private final Map<String, Served> awaitingFeedback = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Served> eldest) {
      return size() > PENDING;
    }
  };
  private long decisions;
  private long awarded;
  private long executions;
  private long failures;
  private double spend;
  private double baseline;

  /** @param premiumBidder the baseline bidder, or {@code null} for the most expensive eligible bid of each decision */
  public LiveStats(InstantSource clock, String premiumBidder) {
    this.clock = clock;
    this.premiumBidder = premiumBidder;
    this.since = clock.instant();
  }

  @Override
  public synchronized void onDecision(Microtask task, Decision decision) {
    decisions++;
    if (decision.awarded()) {
      awarded++;
      bidder(decision.winner()).wins++;
    }
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    Decision d = execution.decision();
    double premium = premiumCost(d);
    double claimed = d.bidOf(execution.servedBy()).map(ScoredBid::claimedQuality).orElse(Double.NaN);
    synchronized (this) {
      executions++;
      attempts(execution.attempts(), minuteOf(clock.instant()));
      PerBidder served = bidder(execution.servedBy());
      served.served++;
      baseline += Double.isNaN(premium) ? execution.totalCostUsd() : premium;
      awaitingFeedback.put(d.id(), new Served(execution.servedBy(), claimed));
    }
  }

  @Override
  public synchronized void onFailure(Microtask task, AwardFailedException failure) {
    failures++;
    attempts(failure.attempts(), minuteOf(clock.instant()));
  }

  /**
   * Counts an award the ledger recorded before this server started, as its events counted then, so that the figures
   * go on across a restart; {@link Snapshot#since} moves back to the oldest. Replay oldest first.
   */
  public synchronized void recorded(AwardView award) {
    Decision d = award.decision();
    Instant decidedAt = Instant.ofEpochMilli(d.decidedAtEpochMs());
    if (decidedAt.isBefore(since)) {
      since = decidedAt;
    }
    decisions++;
    if (d.awarded()) {
      awarded++;
      bidder(d.winner()).wins++;
    }
    ExecutionEntry execution = award.execution();
    if (execution == null) {
      return;
    }
    attempts(execution.attempts(), minuteOf(execution.at()));
    if (execution.servedBy() == null) {
      failures++;
      return;
    }
    executions++;
    bidder(execution.servedBy()).served++;
    double premium = premiumCost(d);
    baseline += Double.isNaN(premium) ? execution.costUsd() : premium;
    Served served = new Served(execution.servedBy(),
        d.bidOf(execution.servedBy()).map(ScoredBid::claimedQuality).orElse(Double.NaN));
    if (award.feedback() == null) {
      awaitingFeedback.put(d.id(), served);
    } else {
      count(served, award.feedback().feedback());
    }
  }

  @Override
  public synchronized void onFeedback(String decisionId, Feedback feedback) {
    Served served = awaitingFeedback.remove(decisionId);
    if (served != null) {
      count(served, feedback);
    }
  }

  private void count(Served served, Feedback feedback) {
    PerBidder b = bidder(served.bidder());
    b.feedback++;
    if (feedback.quality() >= 0.5) {
      b.accepted++;
    }
    b.observedSum += feedback.quality();
    b.claimedSum += Double.isNaN(served.claimedQuality()) ? feedback.quality() : served.claimedQuality();
  }

  /** A consistent copy of every figure. */
  public synchronized Snapshot snapshot() {
    List<BidderLive> rows = new ArrayList<>();
    bidders.forEach((id, b) -> {
      double[] sorted = Arrays.copyOf(b.latencies, Math.min(b.latencyCount, LATENCY_WINDOW));
      Arrays.sort(sorted);
      rows.add(new BidderLive(id, b.wins, awarded == 0 ? 0 : (double) b.wins / awarded, b.served, b.spend,
          percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99), b.feedback,
          b.feedback == 0 ? Double.NaN : (double) b.accepted / b.feedback,
          b.feedback == 0 ? Double.NaN : b.claimedSum / b.feedback,
          b.feedback == 0 ? Double.NaN : b.observedSum / b.feedback));
    });
    List<SpendPoint> points = new ArrayList<>();
    spendByMinute.forEach((minute, byBidder) ->
        points.add(new SpendPoint(Instant.ofEpochSecond(minute * 60), Map.copyOf(byBidder))));
    return new Snapshot(since, decisions, awarded, executions, failures, spend, baseline, baseline - spend,
        premiumBidder, rows, points);
  }

  private double premiumCost(Decision d) {
    if (premiumBidder != null) {
      var premium = d.bidOf(premiumBidder);
      if (premium.isPresent()) {
        return premium.get().expectedCostUsd();
      }
    }
    double most = Double.NaN;
    for (ScoredBid b : d.ranked()) {
      most = Double.isNaN(most) ? b.expectedCostUsd() : Math.max(most, b.expectedCostUsd());
    }
    return most;
  }

  private static long minuteOf(Instant at) {
    return at.getEpochSecond() / 60;
  }

  private void attempts(List<Attempt> attempts, long minute) {
    Map<String, Double> bucket = spendByMinute.computeIfAbsent(minute, m -> new TreeMap<>());
    while (spendByMinute.size() > MINUTES) {
      spendByMinute.pollFirstEntry();
    }
    for (Attempt a : attempts) {
      PerBidder b = bidder(a.arm());
      b.spend += a.costUsd();
      spend += a.costUsd();
      bucket.merge(a.arm(), a.costUsd(), Double::sum);
      if (a.status() == Attempt.Status.SUCCEEDED) {
        b.latencies[b.latencyCount % LATENCY_WINDOW] = a.latencyMs();
        b.latencyCount++;
      }
    }
  }

  private PerBidder bidder(String id) {
    return bidders.computeIfAbsent(id, k -> new PerBidder());
  }

  private static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
