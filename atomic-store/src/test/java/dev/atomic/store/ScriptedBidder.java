package dev.atomic.store;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;

/**
 * An in-process bidder for tests: always bids the same claim and serves at once. Its true quality is what the test's
 * seeded judge uses to decide whether an answer was good; the exchange never sees it.
 */
record ScriptedBidder(String id, double claim, double costUsd, long latencyMs, double trueQuality) implements Bidder {

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    return Optional.of(new Bid(claim, 0, costUsd, Duration.ofMillis(latencyMs), "scripted " + id));
  }

  @Override
  public Answer serve(Microtask task) {
    return Answer.of("answer of " + id + " to " + task.id(), costUsd, Duration.ofMillis(latencyMs));
  }
}
