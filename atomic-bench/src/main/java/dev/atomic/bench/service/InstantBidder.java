package dev.atomic.bench.service;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;

/**
 * A bidder that bids and answers from memory at once, so that what the benchmark measures is the exchange and the
 * service around it, not a model. It calls no model and claims to be none.
 */
final class InstantBidder implements Bidder {

  private final String id;
  private final double quality;
  private final double costUsd;

  InstantBidder(String id, double quality, double costUsd) {
    this.id = id;
    this.quality = quality;
    this.costUsd = costUsd;
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
    return Optional.of(new Bid(quality, 0, costUsd, Duration.ofMillis(1), "instant"));
  }

  @Override
  public Answer serve(Microtask task) {
    return Answer.of("ham", costUsd, Duration.ZERO);
  }
}
