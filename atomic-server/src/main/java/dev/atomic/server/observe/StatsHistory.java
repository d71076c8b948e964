package dev.atomic.server.observe;

import dev.atomic.store.AwardView;
import dev.atomic.store.Ledger;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the dashboard's live figures the ledger's most recent awards at start, so that a restart does not reset them
 * to zero. Bounded: the last {@code limit} decisions, read in a few queries (not several per decision: on a database
 * across a network that would be thousands of round trips at every start) and replayed oldest first.
 */
public final class StatsHistory {

  private static final Logger LOG = LoggerFactory.getLogger(StatsHistory.class);

  private StatsHistory() {}

  /**
   * Replays up to {@code limit} of the most recent recorded decisions into {@code stats}; returns how many. The history
   * only decorates the dashboard, so a ledger that cannot be read leaves the figures empty and the server starting.
   */
  public static int replay(Ledger ledger, TenantStats stats, int limit) {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(stats, "stats");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    try {
      List<AwardView> oldestFirst = ledger.recentAwards(limit);
      oldestFirst.forEach(stats::recorded);
      return oldestFirst.size();
    } catch (RuntimeException e) {
      LOG.warn("the dashboard starts without the ledger's history: {}", e.getMessage());
      return 0;
    }
  }
}
