package dev.atomic.bidding;

import java.util.Objects;
import java.util.Set;

/**
 * Where a bidder runs and who operates it: what data policies need to know before any payload reaches it.
 *
 * @param vendor who operates the model ({@code openai}, {@code local})
 * @param region where it runs ({@code eu-west}, {@code on-prem})
 * @param onPremises whether it runs inside the caller's infrastructure
 * @param sovereign whether it may serve in clean-room mode (no data leaves the operator's control)
 * @param tags free labels that policies may name
 */
public record BidderProfile(String vendor, String region, boolean onPremises, boolean sovereign, Set<String> tags) {

  public BidderProfile {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(region, "region");
    tags = Set.copyOf(tags);
  }

  /** An in-process model: on premises and sovereign. */
  public static BidderProfile local() {
    return new BidderProfile("local", "on-prem", true, true, Set.of());
  }

  /** A hosted model of the given vendor and region. */
  public static BidderProfile hosted(String vendor, String region) {
    return new BidderProfile(vendor, region, false, false, Set.of());
  }
}
