package dev.atomic.robustness;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * An in-process bidder that bids and answers from memory and counts what it served and charged, so a load run can
 * check that every acknowledged call was paid once. It calls no model and claims to be none.
 */
final class CountingBidder implements Bidder {

  private final String id;
  private final double quality;
  private final double costUsd;
  private final LongAdder served = new LongAdder();

  CountingBidder(String id, double quality, double costUsd) {
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
    return Optional.of(new Bid(quality, 0, costUsd, Duration.ofMillis(1), "in-process " + id));
  }

  @Override
  public Answer serve(Microtask task) {
    served.increment();
    return Answer.of("ham", costUsd, Duration.ZERO);
  }

  long served() {
    return served.sum();
  }

  double chargedUsd() {
    return served.sum() * costUsd;
  }
}
