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
 * token count, and a quality claim known before any call: a flat, uninformative 0.5 by default, or the model's published
 * reputation ({@link ModelReputation}); either way the exchange starts cold and learns each model's real quality from
 * outcomes. Serving replays the model's recorded answer and real cost. The data has no latencies, so
 * latency is claimed and reported as zero and the benchmark gives latency no weight.
 */
final class ReplayBidder implements Bidder {

  /** The uninformative claim: the exchange must learn every model's quality itself. */
  static final double FLAT_CLAIM = 0.5;

  private final ModelPrice price;
  private final Replay replay;
  private final double claim;

  ReplayBidder(ModelPrice price, Replay replay) {
    this(price, replay, FLAT_CLAIM);
  }

  /** A bidder claiming a fixed quality known before any call (see {@link ModelReputation}). */
  ReplayBidder(ModelPrice price, Replay replay, double claim) {
    if (!(claim > 0 && claim < 1)) {
      throw new IllegalArgumentException("a claim must be in (0, 1), was " + claim);
    }
    this.price = price;
    this.replay = replay;
    this.claim = claim;
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
    return Optional.of(new Bid(claim, 0, usd, Duration.ZERO, String.format(Locale.ROOT,
        "list price %.3f/%.3f USD per M tokens, ~%d prompt tokens", price.inputUsdPerMillion(),
        price.outputUsdPerMillion(), tokens)));
  }

  @Override
  public Answer serve(Microtask task) {
    Replay.Call call = replay.serve(price.model(), (Prompt) task.input());
    return new Answer(call.output(), call.costUsd(), Duration.ZERO, Double.NaN);
  }
}
