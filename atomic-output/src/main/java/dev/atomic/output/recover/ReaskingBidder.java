package dev.atomic.output.recover;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.ForwardingBidder;
import dev.atomic.bidding.Usage;
import dev.atomic.output.OutputCatalog;
import dev.atomic.output.OutputException;
import dev.atomic.output.Parsed;
import dev.atomic.output.StructuredOutput;
import dev.atomic.task.Microtask;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Recovery, in two tiers.
 *   1. Here: when the model's output does not parse into the microtask's output type, ask the same model again with the
 *      problems (bounded by maxReasks). Cheap models often fix a format slip when told exactly what was wrong.
 *   2. In the exchange: if the last answer still does not parse, this bidder returns it as it is; the caller's
 *      StructuredOutput.check() rejects it, the exchange escalates to the next bid and records a failure for this
 *      bidder on this kind, so its estimate learns that it fails this type.
 * Re-asks cost money and time, so the bid carries them: the wrapped bidder's cost and latency are inflated by the
 * re-asks it has needed per serve for this output type so far, and the auction prices that in.
 */
/**
 * Wraps a {@link Reaskable} text bidder: parses its output into the microtask's output type, re-asks it with the
 * problems when that fails, and bids its expected re-asks into its cost. Keeps the wrapped bidder's id, so the exchange's
 * track record stays with the model. Thread-safe.
 */
public final class ReaskingBidder extends ForwardingBidder {

  private final Reaskable inner;
  private final OutputCatalog outputs;
  private final int maxReasks;
  private final Map<String, Stats> stats = new ConcurrentHashMap<>();

  private ReaskingBidder(Reaskable inner, OutputCatalog outputs, int maxReasks) {
    super(inner);
    this.inner = inner;
    this.outputs = outputs;
    this.maxReasks = maxReasks;
  }

  /**
   * Wraps a bidder.
   *
   * @param maxReasks how many times at most to ask again per microtask, 0 to 5
   */
  public static ReaskingBidder wrap(Reaskable inner, OutputCatalog outputs, int maxReasks) {
    Objects.requireNonNull(inner, "inner");
    Objects.requireNonNull(outputs, "outputs");
    if (maxReasks < 0 || maxReasks > 5) {
      throw new IllegalArgumentException("maxReasks must be in [0, 5], was " + maxReasks);
    }
    return new ReaskingBidder(inner, outputs, maxReasks);
  }

  /** The wrapped bidder's bid, its cost and latency multiplied by one plus its learned re-asks per serve. */
  @Override
  public Optional<Bid> bid(Microtask task) throws Exception {
    Optional<Bid> bid = inner.bid(task);
    if (bid.isEmpty()) {
      return bid;
    }
    double rate = reaskRate(task.outputType());
    if (rate == 0) {
      return bid;
    }
    Bid b = bid.get();
    Duration latency = Duration.ofNanos((long) (b.latency().toNanos() * (1 + rate)));
    String why = (b.rationale().isEmpty() ? "" : b.rationale() + "; ")
        + String.format(java.util.Locale.ROOT, "cost and latency ×%.2f for expected re-asks", 1 + rate);
    return Optional.of(new Bid(b.quality(), b.uncertainty(), b.costUsd() * (1 + rate), latency, why));
  }

  /**
   * Serves the microtask: the output is a {@link Parsed} value when the model's text (first or after re-asks) parses,
   * and the model's last raw output otherwise, for the exchange's check to reject. Cost and latency add up every call.
   */
  @Override
  public Answer serve(Microtask task) throws Exception {
    StructuredOutput<?> output = outputs.forType(task.outputType());
    Answer answer = inner.serve(task);
    double cost = answer.costUsd();
    Duration latency = answer.latency();
    Usage used = answer.usage();
    int reasks = 0;
    try {
      while (true) {
        Object out = answer.output();
        if (!(out instanceof CharSequence text)) {
          return new Answer(out, cost, latency, answer.confidence(), used); // not text: the check decides
        }
        try {
          Parsed<?> parsed = output.parse(text.toString());
          return new Answer(parsed, cost, latency, answer.confidence(), used);
        } catch (OutputException e) {
          if (reasks == maxReasks) {
            return new Answer(text.toString(), cost, latency, answer.confidence(), used);
          }
          reasks++;
          answer = inner.reask(task, new Reask(text.toString(), e.feedback(), output.typeDescription(), reasks));
          cost += answer.costUsd();
          latency = latency.plus(answer.latency());
          used = used.plus(answer.usage()); // every re-ask was paid for
        }
      }
    } finally {
      stats.computeIfAbsent(task.outputType().getTypeName(), k -> new Stats()).record(reasks);
    }
  }

  /** Re-asks per serve so far for microtasks of this output type; 0 before the first serve. */
  public double reaskRate(Type outputType) {
    Stats s = stats.get(outputType.getTypeName());
    return s == null ? 0 : s.rate();
  }

  /** The wrapped bidder. */
  public Reaskable inner() {
    return inner;
  }

  /** Serves and re-asks of one output type. */
  private static final class Stats {
    private long serves;
    private long reasks;

    synchronized void record(int n) {
      serves++;
      reasks += n;
    }

    synchronized double rate() {
      return serves == 0 ? 0 : (double) reasks / serves;
    }
  }
}
