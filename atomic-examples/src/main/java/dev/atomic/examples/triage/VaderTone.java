package dev.atomic.examples.triage;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.models.local.VaderSentiment;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;

/**
 * Three-way tone from the VADER lexicon, with VADER's published thresholds: compound at least 0.05 is positive, at
 * most -0.05 negative, neutral in between. A real, zero-shot model: it needs no labels.
 */
final class VaderTone implements Bidder {

  static final double THRESHOLD = 0.05;

  private final VaderSentiment vader;

  VaderTone(VaderSentiment vader) {
    this.vader = vader;
  }

  @Override
  public String id() {
    return "vader-tone";
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    if (!task.kind().equals("email.sentiment")) {
      return Optional.empty();
    }
    return Inputs.text(task.input()).map(t -> new Bid(0.8, 0.1, 0, Duration.ofNanos(200_000), "vader lexicon"));
  }

  @Override
  public Answer serve(Microtask task) {
    double compound = vader.score(Inputs.text(task.input()).orElseThrow()).compound();
    Sentiment tone = compound >= THRESHOLD ? Sentiment.POSITIVE
        : compound <= -THRESHOLD ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    return Answer.of(tone.name(), 0, Duration.ofNanos(200_000));
  }
}
