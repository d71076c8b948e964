package dev.atomic.bench.service;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;

/**
 * A stand-in for a model call: it bids from memory at once and answers after waiting {@code modelTime}, as a bidder
 * blocked on a hosted model's HTTP response would (the wait parks the caller's virtual thread and uses no CPU). It
 * calls no model and claims to be none: the benchmark measures the exchange and the service around it.
 */
final class StandInBidder implements Bidder {

  private final String id;
  private final double quality;
  private final double costUsd;
  private final Duration modelTime;

  StandInBidder(String id, double quality, double costUsd, Duration modelTime) {
    if (modelTime.isNegative()) {
      throw new IllegalArgumentException("model time must not be negative, was " + modelTime);
    }
    this.id = id;
    this.quality = quality;
    this.costUsd = costUsd;
    this.modelTime = modelTime;
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
    return Optional.of(new Bid(quality, 0, costUsd, modelTime.plusMillis(1), "stand-in"));
  }

  @Override
  public Answer serve(Microtask task) {
    if (modelTime.isPositive()) {
      try {
        Thread.sleep(modelTime);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while standing in for a model call", e);
      }
    }
    return Answer.of("ham", costUsd, modelTime);
  }
}
