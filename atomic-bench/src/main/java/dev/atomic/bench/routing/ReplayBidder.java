package dev.atomic.bench.routing;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One recorded model as a bidder. It bids from public knowledge only: its list price times the prompt's estimated
 * token count, and a flat, uninformative quality claim of 0.5 (the exchange starts cold and learns each model's real
 * quality from outcomes). Serving replays the model's recorded answer and real cost. The data has no latencies, so
 * latency is claimed and reported as zero and the benchmark gives latency no weight.
 */
final class ReplayBidder implements Bidder {

  /** The uninformative claim: the exchange must learn every model's quality itself. */
  static final double FLAT_CLAIM = 0.5;

  private final ModelPrice price;
  private final Replay replay;

  ReplayBidder(ModelPrice price, Replay replay) {
    this.price = price;
    this.replay = replay;
  }

  @Override
  public String id() {
    return price.model();
  }

  @Override
  public BidderProfile profile() {
    return BidderProfile.hosted(price.vendor(), "us");
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    Prompt prompt = (Prompt) task.input();
    int tokens = prompt.estimatedTokens();
    double usd = price.estimateUsd(tokens, prompt.task());
    return Optional.of(new Bid(FLAT_CLAIM, 0, usd, Duration.ZERO, String.format(Locale.ROOT,
        "list price %.3f/%.3f USD per M tokens, ~%d prompt tokens", price.inputUsdPerMillion(),
        price.outputUsdPerMillion(), tokens)));
  }

  @Override
  public Answer serve(Microtask task) {
    Replay.Call call = replay.serve(price.model(), (Prompt) task.input());
    return new Answer(call.output(), call.costUsd(), Duration.ZERO, Double.NaN);
  }
}
