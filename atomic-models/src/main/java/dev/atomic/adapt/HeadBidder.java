package dev.atomic.adapt;

import dev.atomic.AtomicException;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.Usage;
import dev.atomic.models.embed.TextEmbedder;
import dev.atomic.models.local.ComputeCost;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A local bidder made of a frozen embedding model and an online {@link ClassifierHead}, for one microtask kind whose
 * input is text. It bids the head's probability for its predicted label (the exchange calibrates it against the head's
 * track record), abstains while the head has too few labels, and prices its compute time.
 *
 * <p>The prediction made to bid is kept for the serve call that usually follows, so a won auction embeds and predicts
 * once; the serve call charges the time of both.
 */
final class HeadBidder implements Bidder {

  /** Predictions kept between bid and serve; auctions in flight at once, with room to spare. */
  private static final int RECENT = 256;

  private record Made(Prediction prediction, long nanos) {}

  private final String id;
  private final String kind;
  private final String description;
  private final TextEmbedder embedder;
  /** What serves: the embedding model and the head on it, as an execution's model ("all-minilm-l6-v2-q + knn head"). */
  private final Usage model;
  private volatile ClassifierHead head;
  private final ComputeCost cost;
  private final Map<String, Made> recent = new LinkedHashMap<>(RECENT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Made> eldest) {
      return size() > RECENT;
    }
  };

  HeadBidder(String id, String kind, String description, TextEmbedder embedder, ClassifierHead head,
      ComputeCost cost) {
    this.id = id;
    this.kind = kind;
    this.description = description;
    this.embedder = embedder;
    this.model = Usage.model(embedder.id() + " + " + description);
    this.head = head;
    this.cost = cost;
  }

  String kind() {
    return kind;
  }

  ClassifierHead head() {
    return head;
  }

  /** Swaps in a restored head; predictions kept from the old one are dropped. */
  void replaceHead(ClassifierHead restored) {
    synchronized (recent) {
      this.head = restored;
      recent.clear();
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    if (!task.kind().equals(kind) || !(Inputs.text(task.input()).orElse(null) instanceof String text)) {
      return Optional.empty();
    }
    Made made = predict(task.id(), text.toString());
    if (made == null) {
      return Optional.empty();
    }
    Prediction p = made.prediction();
    return Optional.of(new Bid(p.probability(), 0, cost.expectedUsd(), cost.expectedLatency(),
        String.format(Locale.ROOT, "%s: '%s' at p=%.3f", description, p.label(), p.probability())));
  }

  @Override
  public Answer serve(Microtask task) {
    if (!(Inputs.text(task.input()).orElse(null) instanceof String text)) {
      throw new IllegalArgumentException("bidder '" + id + "' needs a text input, got "
          + (task.input() == null ? "null" : task.input().getClass().getName()));
    }
    Made made;
    synchronized (recent) {
      made = recent.remove(task.id());
    }
    if (made == null) {
      made = predict(null, text.toString());
    }
    if (made == null) {
      throw new AtomicException("bidder '" + id + "' cannot serve " + task.kind() + " task " + task.id()
          + ": its head has only " + head.labelsSeen() + " labels and " + head.classes() + " classes");
    }
    Prediction p = made.prediction();
    return new Answer(p.label(), cost.charge(made.nanos()), Duration.ofNanos(made.nanos()), p.probability())
        .withUsage(model);
  }

  /** Embeds and predicts, remembering the result under {@code taskId} when given; null when the head abstains. */
  private Made predict(String taskId, String text) {
    long start = System.nanoTime();
    ClassifierHead current = head;
    Optional<Prediction> p = current.predict(embedder.embed(text));
    if (p.isEmpty()) {
      return null;
    }
    Made made = new Made(p.get(), System.nanoTime() - start);
    if (taskId != null) {
      synchronized (recent) {
        recent.put(taskId, made);
      }
    }
    return made;
  }
}
