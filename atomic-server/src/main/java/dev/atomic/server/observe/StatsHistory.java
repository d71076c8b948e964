package dev.atomic.server.observe;

import dev.atomic.store.DecisionQuery;
import dev.atomic.store.DecisionSummary;
import dev.atomic.store.Ledger;
import dev.atomic.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the dashboard's live figures the ledger's most recent awards at start, so that a restart does not reset them
 * to zero. Bounded: the last {@code limit} decisions, read page by page and replayed oldest first.
 */
public final class StatsHistory {

  private static final Logger LOG = LoggerFactory.getLogger(StatsHistory.class);
  private static final int PAGE = 500;

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
      List<String> newestFirst = new ArrayList<>();
      Page<DecisionSummary> page = ledger.decisions(DecisionQuery.all().page(0, Math.min(PAGE, limit)));
      page.items().forEach(d -> newestFirst.add(d.id()));
      while (page.hasMore() && newestFirst.size() < limit) {
        page = ledger.decisions(DecisionQuery.all().page(page.nextOffset(), Math.min(PAGE, limit - newestFirst.size())));
        page.items().forEach(d -> newestFirst.add(d.id()));
      }
      int replayed = 0;
      for (String id : newestFirst.reversed()) {
        var award = ledger.award(id);
        if (award.isPresent()) {
          stats.recorded(award.get());
          replayed++;
        }
      }
      return replayed;
    } catch (RuntimeException e) {
      LOG.warn("the dashboard starts without the ledger's history: {}", e.getMessage());
      return 0;
    }
  }
}
