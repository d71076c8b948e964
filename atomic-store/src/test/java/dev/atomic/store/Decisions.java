package dev.atomic.store;

import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exclusion;
import dev.atomic.exchange.ScoredBid;
import java.util.List;

/** Hand-made decisions with chosen ids, tenants, kinds, winners and times, for ledger tests. */
final class Decisions {

  private Decisions() {}

  /** A decision won by {@code winner} over {@code "runner-up"}, with one policy exclusion. */
  static Decision won(String id, String tenant, String kind, String winner, long at) {
    ScoredBid first = new ScoredBid(winner, 0.9, 0.002, 300, "first", 0.85, 0.87, 0.0021, 310, 12, 0.86);
    ScoredBid second = new ScoredBid("runner-up", 0.8, 0.001, 200, "second", 0.7, 0.72, 0.001, 190, 30, 0.71);
    return new Decision(id, "task-" + id, kind, tenant, at, 1.0, 0.01, 7L, List.of(first, second),
        List.of(new Exclusion("hosted", Exclusion.Reason.POLICY, "pii.email may not leave the premises")), winner,
        0.15, false);
  }

  /** A decision in which no bid was eligible: no winner, NaN margin. */
  static Decision unawarded(String id, String tenant, long at) {
    return new Decision(id, "task-" + id, "email.spam", tenant, at, 0, 0, 3L, List.of(),
        List.of(new Exclusion("only", Exclusion.Reason.ABSTAINED, "no opinion")), null, Double.NaN, false);
  }
}
