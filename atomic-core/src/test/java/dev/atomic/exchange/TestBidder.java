package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A configurable in-process bidder for tests: claims a fixed bid and, when serving, succeeds (returns {@code true}) at a
 * declared true rate, drawn from a seeded generator. Counts its calls.
 */
final class TestBidder implements Bidder {

  final String id;
  final Bid bid;
  final double trueRate;
  final BidderProfile profile;
  final boolean inline;
  final SplittableRandom random;
  final AtomicInteger bids = new AtomicInteger();
  final AtomicInteger serves = new AtomicInteger();
  volatile RuntimeException serveFailure;

  TestBidder(String id, double quality, double cost, long latencyMs, double trueRate) {
    this(id, new Bid(quality, 0.05, cost, Duration.ofMillis(latencyMs), "test claim"), trueRate,
        BidderProfile.local(), true, 1);
  }

  TestBidder(String id, Bid bid, double trueRate, BidderProfile profile, boolean inline, long seed) {
    this.id = id;
    this.bid = bid;
    this.trueRate = trueRate;
    this.profile = profile;
    this.inline = inline;
    this.random = new SplittableRandom(seed);
  }

  TestBidder hosted() {
    return new TestBidder(id, bid, trueRate, BidderProfile.hosted("vendor", "us-east"), inline, 1);
  }

  TestBidder seeded(long seed) {
    return new TestBidder(id, bid, trueRate, profile, inline, seed);
  }

  TestBidder failingWith(RuntimeException e) {
    this.serveFailure = e;
    return this;
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
    return inline;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    bids.incrementAndGet();
    return Optional.of(bid);
  }

  @Override
  public synchronized Answer serve(Microtask task) {
    serves.incrementAndGet();
    if (serveFailure != null) {
      throw serveFailure;
    }
    return Answer.of(random.nextDouble() < trueRate, bid.costUsd(), bid.latency());
  }
}
