package dev.atomic.store;

import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import javax.sql.DataSource;

/** The journal table, written through the batch writer so that concurrent runs share commits. */
final class JdbcJournal implements RunJournal {

  private final DataSource dataSource;
  private final BatchWriter writer;
  private final InstantSource clock;

  JdbcJournal(DataSource dataSource, BatchWriter writer, InstantSource clock) {
    this.dataSource = dataSource;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public void append(String runId, String entryJson) {
    Checks.id("run id", runId);
    Json.requireWellFormed("the journal entry of run " + runId, entryJson);
    long at = clock.millis();
    JdbcStore.await(writer.submitAwaited(new Write() {
      @Override
      public void apply(Tx c) throws SQLException {
        insert(c, runId, null, entryJson, at);
      }

      @Override
      public String describe() {
        return "a journal entry of run " + runId;
      }
    }));
  }

  @Override
  public List<String> entries(String runId) {
    Checks.id("run id", runId);
    return Sql.query(dataSource, "the journal of run " + runId,
        "SELECT entry FROM journal WHERE run_id = ? ORDER BY seq", List.of(runId), rs -> rs.getString(1));
  }

  @Override
  public void appendStepResult(String runId, String stepId, String resultJson) {
    Checks.id("run id", runId);
    Checks.id("step id", stepId);
    Json.requireWellFormed("the result of step " + stepId + " of run " + runId, resultJson);
    long at = clock.millis();
    JdbcStore.await(writer.submitAwaited(new Write() {
      @Override
      public void apply(Tx c) throws SQLException {
        List<String> existing = c.query("SELECT entry FROM journal WHERE run_id = ? AND step_id = ?",
            List.of(runId, stepId), rs -> rs.getString(1));
        if (!existing.isEmpty()) {
          if (existing.getFirst().equals(resultJson)) {
            return;
          }
          throw new StoreException("step " + stepId + " of run " + runId + " is journaled already with another result: "
              + Json.excerpt(existing.getFirst()) + ", not " + Json.excerpt(resultJson));
        }
        insert(c, runId, stepId, resultJson, at);
      }

      @Override
      public String describe() {
        return "the journal entry of step " + stepId + " of run " + runId;
      }
    }));
  }

  @Override
  public SequencedMap<String, String> stepResults(String runId) {
    Checks.id("run id", runId);
    SequencedMap<String, String> results = new LinkedHashMap<>();
    Sql.query(dataSource, "the journal of run " + runId,
        "SELECT step_id, entry FROM journal WHERE run_id = ? AND step_id IS NOT NULL ORDER BY seq", List.of(runId),
        rs -> results.put(rs.getString(1), rs.getString(2)));
    return Collections.unmodifiableSequencedMap(results);
  }

  private static void insert(Tx c, String runId, String stepId, String entry, long at) throws SQLException {
    // One writer thread, so the next sequence number cannot be taken twice.
    c.update("""
        INSERT INTO journal (run_id, seq, step_id, entry, recorded_at)
        VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal WHERE run_id = ?), ?, ?, ?)""",
        runId, runId, Sql.text(stepId), entry, at);
  }
}
