package dev.atomic.governance.resilience;

import dev.atomic.AtomicException;
import java.time.Duration;
import java.util.Optional;

/**
 * A bidder was told to slow down (HTTP 429), with how long to wait when the provider said. {@link ResilientBidder}
 * waits that long before retrying (up to its cap). Adapters whose own exception carries the wait, such as
 * {@code dev.atomic.models.llm.ProviderException}, plug in with {@link ResilientBidder.Builder#retryAfter}.
 */
public final class RateLimited extends AtomicException {

  private final transient Duration retryAfter;

  public RateLimited(String message, Duration retryAfter) {
    super(message);
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
