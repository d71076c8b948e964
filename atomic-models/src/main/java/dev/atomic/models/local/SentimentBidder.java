package dev.atomic.models.local;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.Usage;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A zero-shot sentiment bidder over {@link VaderSentiment}: answers the positive label when the compound score is above
 * zero and the negative label when below, and abstains on texts with no sentiment signal at all. It needs no training,
 * so it can serve from the first microtask; its claim ({@code 0.5 + |compound| / 2}) is only a ranking, which the
 * exchange calibrates against outcomes.
 */
public final class SentimentBidder implements Bidder {

  /** What answers, for the records: a lexicon has no tokens to count. */
  static final Usage MODEL = Usage.model("vader");

  private final String id;
  private final String kind;
  private final String positiveLabel;
  private final String negativeLabel;
  private final VaderSentiment vader;
  private final ComputeCost cost;

  private SentimentBidder(String id, String kind, String positive, String negative, VaderSentiment vader,
      ComputeCost cost) {
    this.id = id;
    this.kind = kind;
    this.positiveLabel = positive;
    this.negativeLabel = negative;
    this.vader = vader;
    this.cost = cost;
  }

  /** A bidder for microtasks of {@code kind} that answers {@code positiveLabel} or {@code negativeLabel}. */
  public static SentimentBidder of(String id, String kind, String positiveLabel, String negativeLabel,
      VaderSentiment vader, ComputeCost cost) {
    Objects.requireNonNull(id, "id");
    Microtask.checkKind(kind);
    Objects.requireNonNull(positiveLabel, "positiveLabel");
    Objects.requireNonNull(negativeLabel, "negativeLabel");
    if (positiveLabel.equals(negativeLabel)) {
      throw new IllegalArgumentException("the two sentiment labels must differ, both were '" + positiveLabel + "'");
    }
    return new SentimentBidder(id, kind, positiveLabel, negativeLabel, Objects.requireNonNull(vader, "vader"),
        Objects.requireNonNull(cost, "cost"));
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
    if (!task.kind().equals(kind) || !(Inputs.text(task.input()).orElse(null) instanceof String text)) {
      return Optional.empty();
    }
    double compound = vader.score(text.toString()).compound();
    if (compound == 0) {
      return Optional.empty();
    }
    double claim = 0.5 + Math.abs(compound) / 2;
    return Optional.of(new Bid(claim, 0, cost.expectedUsd(), cost.expectedLatency(),
        String.format(Locale.ROOT, "vader compound %+.3f", compound)));
  }

  @Override
  public Answer serve(Microtask task) {
    if (!(Inputs.text(task.input()).orElse(null) instanceof String text)) {
      throw new IllegalArgumentException("sentiment needs a text input, got "
          + (task.input() == null ? "null" : task.input().getClass().getName()));
    }
    long start = System.nanoTime();
    double compound = vader.score(text.toString()).compound();
    long nanos = System.nanoTime() - start;
    String label = compound >= 0 ? positiveLabel : negativeLabel;
    return new Answer(label, cost.charge(nanos), Duration.ofNanos(nanos), 0.5 + Math.abs(compound) / 2, MODEL);
  }
}
