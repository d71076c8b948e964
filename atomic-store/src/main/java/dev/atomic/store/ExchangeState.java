package dev.atomic.store;

import dev.atomic.estimate.EstimatorSnapshot;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.PendingAward;
import java.util.List;
import java.util.Objects;

/**
 * Everything an exchange must get back after a restart to decide exactly as it would have without one: its estimators
 * and how many auctions it has held (each auction's exploration draw depends on the count), and to learn from feedback
 * on awards it made before: the awards still waiting for feedback.
 *
 * <p>Take it when no auction is in flight, so the two agree. Restore it by building the new exchange with the same seed
 * and {@code auctionsHeld(state.auctionsHeld())}, then calling {@link Exchange#restore restore(state.snapshot())}, or
 * with {@link #restoreInto}, which also restores the pending awards.
 *
 * @param snapshot the estimators' learned state
 * @param auctionsHeld how many auctions the exchange had held
 * @param pending the awards waiting for feedback, oldest first
 */
public record ExchangeState(EstimatorSnapshot snapshot, long auctionsHeld, List<PendingAward> pending) {

  public ExchangeState {
    Objects.requireNonNull(snapshot, "snapshot");
    pending = List.copyOf(pending);
    if (auctionsHeld < 0) {
      throw new IllegalArgumentException("auctionsHeld must be >= 0, was " + auctionsHeld);
    }
  }

  /** A state with no award waiting for feedback. */
  public ExchangeState(EstimatorSnapshot snapshot, long auctionsHeld) {
    this(snapshot, auctionsHeld, List.of());
  }

  /** The state of a running exchange. */
  public static ExchangeState of(Exchange exchange) {
    long auctions = exchange.auctionsHeld();
    return new ExchangeState(exchange.snapshot(), auctions, exchange.pendingAwards());
  }

  /** Builds an exchange from a builder configured as before the restart (same seed), and restores this state in it. */
  public Exchange restoreInto(Exchange.Builder builder) {
    Exchange exchange = builder.auctionsHeld(auctionsHeld).build();
    exchange.restore(snapshot);
    exchange.restorePending(pending);
    return exchange;
  }
}
