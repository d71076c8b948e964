package dev.atomic.store;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Run leases on the runs table. Claims go through the batch writer, so they apply after the run's own entry was
 * written, in the one transaction order every write follows; the condition in the UPDATE makes a claim atomic.
 */
final class JdbcRunLeases implements RunLeases {

  private final DataSource dataSource;
  private final BatchWriter writer;
  private final InstantSource clock;

  JdbcRunLeases(DataSource dataSource, BatchWriter writer, InstantSource clock) {
    this.dataSource = dataSource;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public boolean claim(String runId, String owner, Instant until) {
    Checks.id("run id", runId);
    Checks.id("lease owner", owner);
    long now = clock.millis();
    AtomicBoolean claimed = new AtomicBoolean();
    JdbcStore.await(writer.submitAwaited(Write.of("a lease on run " + runId + " for " + owner, tx ->
        claimed.set(tx.update("""
            UPDATE runs SET owner = ?, lease_until = ?
            WHERE id = ? AND status = 'running'
              AND (owner IS NULL OR owner = ? OR lease_until IS NULL OR lease_until < ?)""",
            owner, until.toEpochMilli(), runId, owner, now) == 1))));
    return claimed.get();
  }

  @Override
  public void renew(String owner, Instant until) {
    Checks.id("lease owner", owner);
    JdbcStore.await(writer.submitAwaited(Write.of("the run leases of " + owner, tx ->
        tx.update("UPDATE runs SET lease_until = ? WHERE owner = ? AND status = 'running'", until.toEpochMilli(),
            owner))));
  }

  @Override
  public void release(String owner) {
    Checks.id("lease owner", owner);
    JdbcStore.await(writer.submitAwaited(Write.of("releasing the run leases of " + owner, tx ->
        tx.update("UPDATE runs SET owner = NULL, lease_until = NULL WHERE owner = ? AND status = 'running'", owner))));
  }

  @Override
  public List<String> claimable(Instant now, Set<String> pipelines, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (pipelines.isEmpty()) {
      return List.of();
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(now.toEpochMilli());
    parameters.addAll(new TreeSet<>(pipelines));
    String placeholders = String.join(", ", Collections.nCopies(pipelines.size(), "?"));
    return Sql.query(dataSource, "the claimable runs", """
        SELECT id FROM runs WHERE status = 'running' AND (owner IS NULL OR lease_until IS NULL OR lease_until < ?)
        AND pipeline IN (""" + placeholders + ") ORDER BY started_at, id LIMIT " + limit, parameters,
        rs -> rs.getString(1));
  }
}
