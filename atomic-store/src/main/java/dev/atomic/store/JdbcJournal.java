package dev.atomic.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import javax.sql.DataSource;

/** The journal table, written through the batch writer so that concurrent steps share commits. */
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
  public void appendStepResult(String runId, String stepId, String resultJson) {
    Checks.id("run id", runId);
    Checks.id("step id", stepId);
    Json.requireWellFormed("the result of step " + stepId + " of run " + runId, resultJson);
    long at = clock.millis();
    JdbcStore.await(writer.submit(new Write() {
      @Override
      public void apply(Connection c) throws SQLException {
        List<String> existing = Sql.query(c, "SELECT result FROM journal WHERE run_id = ? AND step_id = ?",
            List.of(runId, stepId), rs -> rs.getString(1));
        if (!existing.isEmpty()) {
          if (existing.getFirst().equals(resultJson)) {
            return; // a replayed append after a crash between commit and acknowledgement
          }
          throw new StoreException("step " + stepId + " of run " + runId + " is journaled already with another result: "
              + Json.excerpt(existing.getFirst()) + ", not " + Json.excerpt(resultJson));
        }
        // One writer thread, so the next sequence number cannot be taken twice.
        Sql.update(c, """
            INSERT INTO journal (run_id, step_id, seq, result, recorded_at)
            VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal WHERE run_id = ?), ?, ?)""",
            runId, stepId, runId, resultJson, at);
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
        "SELECT step_id, result FROM journal WHERE run_id = ? ORDER BY seq", List.of(runId),
        rs -> results.put(rs.getString(1), rs.getString(2)));
    return Collections.unmodifiableSequencedMap(results);
  }
}
