package dev.atomic.policy;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.task.Microtask;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a bidder may see a microtask at all. The exchange asks before it requests a bid, so a bidder that a
 * policy excludes never receives the payload, and the decision records the policy's reason.
 */
@FunctionalInterface
public interface Policy {

  /** Why the bidder must not see the microtask, or empty when it may. */
  Optional<String> exclude(Microtask task, String bidderId, BidderProfile profile);

  /** A policy that lets every bidder see everything. */
  static Policy allowAll() {
    return (task, bidderId, profile) -> Optional.empty();
  }

  /** Excludes when either this policy or the other does; this one's reason comes first. */
  default Policy and(Policy other) {
    Objects.requireNonNull(other, "other");
    return (task, bidderId, profile) -> {
      Optional<String> first = exclude(task, bidderId, profile);
      return first.isPresent() ? first : other.exclude(task, bidderId, profile);
    };
  }
}
