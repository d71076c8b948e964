package dev.atomic.store;

import dev.atomic.estimate.EstimatorSnapshot;
import dev.atomic.exchange.PendingAward;
import dev.atomic.task.Features;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Saves and loads {@link ExchangeState}s: one row per exchange, one per (kind, arm) of its snapshot, one per award
 * waiting for feedback.
 */
final class ExchangeStates {

  /** A pending award as JSON: the features as plain numbers. */
  record SavedAward(String decisionId, String scope, String kind, double[] features,
      List<PendingAward.Contribution> contributions, String servedBy, double claimedCostUsd, double claimedLatencyMs,
      boolean usageKnown) {

    static SavedAward of(PendingAward a) {
      return new SavedAward(a.decisionId(), a.scope(), a.kind(), a.features().toArray(), a.contributions(),
          a.servedBy(), a.claimedCostUsd(), a.claimedLatencyMs(), a.usageKnown());
    }

    PendingAward award() {
      return new PendingAward(decisionId, scope, kind, Features.of(features == null ? new double[0] : features),
          contributions == null ? List.of() : contributions, servedBy, claimedCostUsd, claimedLatencyMs, usageKnown);
    }
  }

  private final DataSource dataSource;
  private final InstantSource clock;
  /** Per exchange, the pending rows this process's last committed save left: decision id to seq. */
  private final Map<String, Map<String, Long>> savedPending = new ConcurrentHashMap<>();

  ExchangeStates(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * The write that replaces the exchange's saved state by this one, in one transaction. Pending awards are written as
   * a change against what this process saved last ({@link #committed}): the awards made since are inserted, those
   * answered or dropped since are deleted, so a save costs what happened since the last one, not the whole backlog.
   * The first save of a process replaces them all.
   */
  StateWrite save(String exchange, ExchangeState state) {
    Checks.id("exchange name", exchange);
    return new StateWrite(exchange, state, clock.millis(), savedPending.get(exchange));
  }

  /** Records that a save committed, so the next save of the exchange writes only the change. */
  void committed(StateWrite write) {
    savedPending.put(write.exchange, write.next);
  }

  /** Forgets what was saved (a save failed, so the database may hold either version); the next save replaces all. */
  void forget(String exchange) {
    savedPending.remove(exchange);
  }

  /** A save of one exchange's state; {@link #next} is what the pending rows hold once it commits. */
  final class StateWrite implements Write {

    private final String exchange;
    private final ExchangeState state;
    private final long savedAt;
    private final Map<String, Long> previous;
    private final Map<String, Long> next = new HashMap<>();
    private final List<PendingAward> added = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    private StateWrite(String exchange, ExchangeState state, long savedAt, Map<String, Long> previous) {
      this.exchange = exchange;
      this.state = state;
      this.savedAt = savedAt;
      this.previous = previous;
      long seq = previous == null ? 0 : previous.values().stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
      for (PendingAward award : state.pending()) {
        Long kept = previous == null ? null : previous.get(award.decisionId());
        if (kept != null) {
          next.put(award.decisionId(), kept);
        } else if (!next.containsKey(award.decisionId())) {
          next.put(award.decisionId(), seq++);
          added.add(award);
        }
      }
      if (previous != null) {
        previous.keySet().stream().filter(id -> !next.containsKey(id)).forEach(removed::add);
      }
    }

    @Override
    public void apply(Tx tx) throws SQLException {
      tx.update("""
          INSERT INTO exchange_state (exchange, auctions_held, saved_at) VALUES (?, ?, ?)
          ON CONFLICT (exchange) DO UPDATE SET auctions_held = excluded.auctions_held,
            saved_at = excluded.saved_at""",
          exchange, state.auctionsHeld(), savedAt);
      tx.update("DELETE FROM estimator_arms WHERE exchange = ?", exchange);
      if (previous == null) {
        tx.update("DELETE FROM pending_awards WHERE exchange = ?", exchange);
      }
      for (String decisionId : removed) {
        tx.add("DELETE FROM pending_awards WHERE exchange = ? AND decision_id = ?", List.of(exchange, decisionId));
      }
      for (PendingAward award : added) {
        tx.add("INSERT INTO pending_awards (exchange, seq, decision_id, award) VALUES (?, ?, ?, ?)",
            List.of(exchange, next.get(award.decisionId()), award.decisionId(),
                Json.write("the pending award of decision " + award.decisionId(), SavedAward.of(award))));
      }
      for (EstimatorSnapshot.Arm arm : state.snapshot().arms()) {
        tx.add("INSERT INTO estimator_arms (exchange, kind, arm, state) VALUES (?, ?, ?, ?)",
            List.of(exchange, arm.kind(), arm.arm(), Json.write("the state of arm " + arm.arm() + " on " + arm.kind(),
                arm)));
      }
    }

    @Override
    public String describe() {
      return "the state of exchange " + exchange + " (" + state.snapshot().arms().size() + " arms, "
          + state.auctionsHeld() + " auctions, " + state.pending().size() + " awards pending)";
    }
  }

  Optional<ExchangeState> load(String exchange) {
    Checks.id("exchange name", exchange);
    record Row(long auctionsHeld, String arm) {}
    // One statement, so the count and the arms come from the same committed save.
    List<Row> rows = Sql.query(dataSource, "the state of exchange " + exchange, """
        SELECT s.auctions_held, a.state FROM exchange_state s
        LEFT JOIN estimator_arms a ON a.exchange = s.exchange
        WHERE s.exchange = ?""", List.of(exchange),
        rs -> new Row(rs.getLong("auctions_held"), rs.getString("state")));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<EstimatorSnapshot.Arm> arms = new ArrayList<>();
    for (Row row : rows) {
      if (row.arm() != null) {
        arms.add(Json.read("saved estimator state of exchange " + exchange, row.arm(), EstimatorSnapshot.Arm.class));
      }
    }
    // The order Estimator.snapshot() uses, which a database's collation need not share.
    arms.sort(Comparator.comparing(EstimatorSnapshot.Arm::kind).thenComparing(EstimatorSnapshot.Arm::arm));
    return Optional.of(new ExchangeState(new EstimatorSnapshot(arms), rows.getFirst().auctionsHeld(),
        pending(exchange)));
  }

  private List<PendingAward> pending(String exchange) {
    return Sql.query(dataSource, "the pending awards of exchange " + exchange,
        "SELECT award FROM pending_awards WHERE exchange = ? ORDER BY seq", List.of(exchange),
        rs -> Json.read("a saved pending award of exchange " + exchange, rs.getString(1), SavedAward.class).award());
  }
}
