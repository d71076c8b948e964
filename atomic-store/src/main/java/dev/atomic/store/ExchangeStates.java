package dev.atomic.store;

import dev.atomic.estimate.EstimatorSnapshot;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Saves and loads {@link ExchangeState}s: one row per exchange, one per (kind, arm) of its snapshot. */
final class ExchangeStates {

  private final DataSource dataSource;
  private final InstantSource clock;

  ExchangeStates(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** The write that replaces the exchange's saved state by this one, in one transaction. */
  Write save(String exchange, ExchangeState state) {
    Checks.id("exchange name", exchange);
    long savedAt = clock.millis();
    return new Write() {
      @Override
      public void apply(Tx tx) throws SQLException {
        tx.update("""
            INSERT INTO exchange_state (exchange, auctions_held, saved_at) VALUES (?, ?, ?)
            ON CONFLICT (exchange) DO UPDATE SET auctions_held = excluded.auctions_held,
              saved_at = excluded.saved_at""",
            exchange, state.auctionsHeld(), savedAt);
        tx.update("DELETE FROM estimator_arms WHERE exchange = ?", exchange);
        for (EstimatorSnapshot.Arm arm : state.snapshot().arms()) {
          tx.add("INSERT INTO estimator_arms (exchange, kind, arm, state) VALUES (?, ?, ?, ?)",
              List.of(exchange, arm.kind(), arm.arm(), Json.write("the state of arm " + arm.arm() + " on " + arm.kind(),
                  arm)));
        }
      }

      @Override
      public String describe() {
        return "the state of exchange " + exchange + " (" + state.snapshot().arms().size() + " arms, "
            + state.auctionsHeld() + " auctions)";
      }
    };
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
    return Optional.of(new ExchangeState(new EstimatorSnapshot(arms), rows.getFirst().auctionsHeld()));
  }
}
