/**
 * Reliability decorators for bidders: per-bidder timeouts, retries with jittered exponential backoff that honour
 * {@code Retry-After}, circuit breakers and bulkheads, on resilience4j. The entry point is
 * {@link dev.atomic.governance.resilience.ResilientBidder}: {@code ResilientBidder.wrap(bidder).timeout(...).build()}.
 * A bidder that hangs, fails, returns malformed output or slows down is contained: its circuit opens, it stops bidding
 * (the exchange excludes it, quoting why), and the other bidders keep serving.
 */
package dev.atomic.governance.resilience;
