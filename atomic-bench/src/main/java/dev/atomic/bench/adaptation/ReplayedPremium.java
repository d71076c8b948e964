package dev.atomic.bench.adaptation;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a premium LLM, which cannot be called here (no network): it answers the data set's own label at a
 * declared price, and a wrong label at a declared, seeded error rate. Not a real model; its figures are never a real
 * LLM's. The benchmark tells it each microtask's label before the auction.
 */
final class ReplayedPremium implements Bidder {

  static final String ID = "premium-replay";

  private final double priceUsd;
  private final double errorRate;
  private final Duration declaredLatency;
  private final long seed;
  private final List<String> labels;
  private final Map<String, String> gold = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  ReplayedPremium(double priceUsd, double errorRate, Duration declaredLatency, long seed, List<String> labels) {
    this.priceUsd = priceUsd;
    this.errorRate = errorRate;
    this.declaredLatency = declaredLatency;
    this.seed = seed;
    this.labels = List.copyOf(labels);
  }

  /** Tells the replay the label of the microtask about to be auctioned. */
  void expect(String taskId, String label) {
    gold.put(taskId, label);
  }

  long calls() {
    return calls.get();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public BidderProfile profile() {
    return BidderProfile.hosted("replay", "none");
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    if (!gold.containsKey(task.id())) {
      return Optional.empty();
    }
    return Optional.of(new Bid(1 - errorRate, 0, priceUsd, declaredLatency, "replayed premium stand-in"));
  }

  @Override
  public Answer serve(Microtask task) {
    String label = gold.remove(task.id());
    if (label == null) {
      throw new IllegalStateException("the replay has no label for task " + task.id());
    }
    calls.incrementAndGet();
    // The same task id always gets the same draw, whichever configuration asks.
    SplittableRandom random = new SplittableRandom(seed ^ task.id().hashCode() * 0x9E3779B97F4A7C15L);
    String answer = label;
    if (random.nextDouble() < errorRate) {
      List<String> others = labels.stream().filter(l -> !l.equals(label)).toList();
      answer = others.get(random.nextInt(others.size()));
    }
    return new Answer(answer, priceUsd, declaredLatency, Double.NaN);
  }

  /** Forgets the label of a task that was not served by the replay. */
  void forget(String taskId) {
    gold.remove(taskId);
  }
}
