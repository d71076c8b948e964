package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;

/** A test bidder that claims a fixed quality and cost and always answers the same output, inline, in 5 ms. */
record ConstantBidder(String id, Object output, double cost, double quality) implements Bidder {

  private static final Duration LATENCY = Duration.ofMillis(5);

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    return Optional.of(Bid.of(quality, cost, LATENCY));
  }

  @Override
  public Answer serve(Microtask task) {
    return Answer.of(output, cost, LATENCY);
  }
}
