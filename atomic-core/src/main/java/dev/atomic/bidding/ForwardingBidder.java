package dev.atomic.bidding;

import dev.atomic.task.Microtask;
import java.util.Objects;
import java.util.Optional;

/**
 * A bidder that forwards every call to another: the base of decorators (redaction, guards, resilience, re-asking),
 * which override the calls they change and inherit the rest. Every method of {@link Bidder} is forwarded here, so a
 * method added to {@code Bidder} later reaches the wrapped bidder through every decorator instead of silently falling
 * back to its default (a decorator that forgot {@link #servesInline} would move a bidder that answers from memory onto a
 * virtual thread).
 *
 * <p>The id stays the wrapped bidder's, so the exchange's track record stays with the model, not the decorator.
 */
public abstract class ForwardingBidder implements Bidder {

  private final Bidder delegate;

  protected ForwardingBidder(Bidder delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The bidder this one forwards to. */
  protected final Bidder delegate() {
    return delegate;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public BidderProfile profile() {
    return delegate.profile();
  }

  @Override
  public boolean bidsInline() {
    return delegate.bidsInline();
  }

  @Override
  public boolean servesInline() {
    return delegate.servesInline();
  }

  @Override
  public Optional<Bid> bid(Microtask task) throws Exception {
    return delegate.bid(task);
  }

  @Override
  public Answer serve(Microtask task) throws Exception {
    return delegate.serve(task);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
