package dev.atomic.cli;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A simulated bidder for {@code atomic serve --simulated}: it claims a quality, and its answers are "good" with a
 * declared true rate the exchange does not know. It calls no model and does not sleep; its latency is declared.
 */
final class SimulatedBidder implements Bidder {

  private final String id;
  private final BidderProfile profile;
  private final double claimed;
  private final double trueRate;
  private final double cost;
  private final long latencyMs;
  private final SplittableRandom random;

  SimulatedBidder(String id, BidderProfile profile, double claimed, double trueRate, double cost, long latencyMs,
      SplittableRandom random) {
    this.id = id;
    this.profile = profile;
    this.claimed = claimed;
    this.trueRate = trueRate;
    this.cost = cost;
    this.latencyMs = latencyMs;
    this.random = random;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public BidderProfile profile() {
    return profile;
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    return Optional.of(new Bid(claimed, 0, cost, Duration.ofMillis(latencyMs), "simulated"));
  }

  @Override
  public Answer serve(Microtask task) {
    boolean good;
    synchronized (random) {
      good = random.nextDouble() < trueRate;
    }
    return Answer.of(Map.of("simulated", true, "good", good), cost, Duration.ofMillis(latencyMs));
  }
}
