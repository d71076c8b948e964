package dev.atomic.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Which recorded decisions to list, newest first, and which page of them. Unset filters match everything.
 *
 * @param tenant only this tenant's decisions, or {@code null}
 * @param kind only this kind, or {@code null}
 * @param winner only decisions won by this arm, or {@code null}
 * @param from only decisions at or after this instant, or {@code null}
 * @param until only decisions before this instant, or {@code null}
 * @param offset how many matching decisions to skip
 * @param limit the most to return, 1 to {@value #MAX_LIMIT}
 */
public record DecisionQuery(
    String tenant, String kind, String winner, Instant from, Instant until, int offset, int limit) {

  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 50;

  public DecisionQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], was " + limit);
    }
    if (from != null && until != null && !from.isBefore(until)) {
      throw new IllegalArgumentException("from (" + from + ") must be before until (" + until + ")");
    }
  }

  /** Every decision, first page. */
  public static DecisionQuery all() {
    return new DecisionQuery(null, null, null, null, null, 0, DEFAULT_LIMIT);
  }

  public DecisionQuery tenant(String tenant) {
    return new DecisionQuery(Checks.id("tenant", tenant), kind, winner, from, until, offset, limit);
  }

  public DecisionQuery kind(String kind) {
    return new DecisionQuery(tenant, Checks.id("kind", kind), winner, from, until, offset, limit);
  }

  public DecisionQuery winner(String arm) {
    return new DecisionQuery(tenant, kind, Checks.id("winner", arm), from, until, offset, limit);
  }

  /** Decisions at or after {@code from} and before {@code until}. */
  public DecisionQuery between(Instant from, Instant until) {
    return new DecisionQuery(tenant, kind, winner, Objects.requireNonNull(from, "from"),
        Objects.requireNonNull(until, "until"), offset, limit);
  }

  public DecisionQuery page(int offset, int limit) {
    return new DecisionQuery(tenant, kind, winner, from, until, offset, limit);
  }
}
