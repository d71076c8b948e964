package dev.atomic.store;

import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exclusion;
import dev.atomic.exchange.ScoredBid;
import dev.atomic.task.Microtask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

/** The SQL that records each kind of {@link LedgerEntry}. JSON is written here, on the writer thread. */
final class EntryWrites {

  private EntryWrites() {}

  static Write of(LedgerEntry entry) {
    return new Write() {
      @Override
      public void apply(Connection c) throws SQLException {
        switch (entry) {
          case RequestEntry r -> request(c, r);
          case RunEntry r -> run(c, r);
          case StepEntry s -> step(c, s);
          case MicrotaskEntry m -> microtask(c, m);
          case DecisionEntry d -> decision(c, d);
          case ExecutionEntry e -> execution(c, e);
          case OutputEntry o -> output(c, o);
          case FeedbackEntry f -> feedback(c, f);
        }
      }

      @Override
      public String describe() {
        return entry.describe();
      }
    };
  }

  private static void request(Connection c, RequestEntry r) throws SQLException {
    Sql.update(c, "INSERT INTO requests (id, tenant, received_at, payload) VALUES (?, ?, ?, ?)",
        r.id(), r.tenant(), r.receivedAt(), Sql.text(r.payloadJson()));
  }

  private static void run(Connection c, RunEntry r) throws SQLException {
    // The first entry creates the run; later ones only move its status.
    Sql.update(c, """
        INSERT INTO runs (id, request_id, pipeline, tenant, status, started_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at""",
        r.id(), Sql.text(r.requestId()), r.pipeline(), r.tenant(), r.status(), r.at(), r.at());
  }

  private static void step(Connection c, StepEntry s) throws SQLException {
    requireRecorded(c, "runs", s.runId(), "run", s);
    Sql.update(c, """
        INSERT INTO steps (run_id, step_id, status, task_id, detail, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (run_id, step_id) DO UPDATE SET status = excluded.status,
          task_id = COALESCE(excluded.task_id, steps.task_id), detail = excluded.detail,
          updated_at = excluded.updated_at""",
        s.runId(), s.stepId(), s.status(), Sql.text(s.taskId()), s.detail(), s.at(), s.at());
  }

  /** A microtask auctioned again (a retry) is kept as first recorded. */
  private static void microtask(Connection c, MicrotaskEntry m) throws SQLException {
    Microtask task = m.task();
    String input = task.input() == null ? null : Json.write("the input of microtask " + task.id(), task.input());
    Sql.update(c, """
        INSERT INTO microtasks (id, kind, tenant, run_id, step_id, output_type, constraints, data_classes, input,
          created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO NOTHING""",
        task.id(), task.kind(), task.tenant(), Sql.text(m.runId()), Sql.text(m.stepId()),
        task.outputType().getTypeName(), Json.write("constraints", task.constraints()),
        Json.write("data classes", new TreeSet<>(task.dataClasses())), Sql.text(input), m.at());
  }

  private static void decision(Connection c, DecisionEntry entry) throws SQLException {
    Decision d = entry.decision();
    Sql.update(c, """
        INSERT INTO decisions (id, task_id, kind, tenant, winner, decided_at, margin, explored, run_id, step_id, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        d.id(), d.taskId(), d.kind(), d.tenant(), Sql.text(d.winner()), d.decidedAtEpochMs(), d.margin(),
        d.explored(), Sql.text(entry.runId()), Sql.text(entry.stepId()), Json.write("decision " + d.id(), d));
    try (PreparedStatement bids = c.prepareStatement("""
        INSERT INTO bids (decision_id, position, arm, eligible, claimed_quality, claimed_cost_usd, claimed_latency_ms,
          believed_quality, drawn_quality, expected_cost_usd, expected_latency_ms, observations, utility, exclusion,
          detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      int position = 0;
      for (ScoredBid b : d.ranked()) {
        Sql.bind(bids, List.of(d.id(), ++position, b.arm(), true, b.claimedQuality(), b.claimedCostUsd(),
            b.claimedLatencyMs(), b.believedQuality(), b.drawnQuality(), b.expectedCostUsd(), b.expectedLatencyMs(),
            b.observations(), b.utility(), Sql.NULL_TEXT, b.rationale()));
        bids.addBatch();
      }
      for (Exclusion e : d.exclusions()) {
        Sql.bind(bids, List.of(d.id(), ++position, e.arm(), false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, e.reason().name(), e.detail()));
        bids.addBatch();
      }
      if (position > 0) {
        bids.executeBatch();
      }
    }
  }

  private static void execution(Connection c, ExecutionEntry e) throws SQLException {
    requireRecorded(c, "decisions", e.decisionId(), "decision", e);
    if (Sql.exists(c, "executions", "decision_id", e.decisionId())) {
      throw new StoreException("could not record " + e.describe() + ": it is recorded already; a decision is"
          + " executed once");
    }
    Sql.update(c, """
        INSERT INTO executions (decision_id, served_by, succeeded, input_tokens, output_tokens, cost_usd, latency_ms,
          repairs, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        e.decisionId(), Sql.text(e.servedBy()), e.succeeded(), Sql.count(e.inputTokens()), Sql.count(e.outputTokens()),
        e.costUsd(), e.latencyMs(), Json.write("repairs", e.repairs()), e.at());
    try (PreparedStatement attempts = c.prepareStatement("""
        INSERT INTO attempts (decision_id, number, arm, status, detail, cost_usd, latency_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      for (Attempt a : e.attempts()) {
        Sql.bind(attempts, List.of(e.decisionId(), a.number(), a.arm(), a.status().name(), a.detail(), a.costUsd(),
            a.latencyMs()));
        attempts.addBatch();
      }
      if (!e.attempts().isEmpty()) {
        attempts.executeBatch();
      }
    }
  }

  private static void output(Connection c, OutputEntry o) throws SQLException {
    requireRecorded(c, "decisions", o.decisionId(), "decision", o);
    Sql.update(c, "INSERT INTO outputs (decision_id, output, recorded_at) VALUES (?, ?, ?)",
        o.decisionId(), o.outputJson(), o.at());
  }

  private static void feedback(Connection c, FeedbackEntry f) throws SQLException {
    requireRecorded(c, "decisions", f.decisionId(), "decision", f);
    if (Sql.exists(c, "feedback", "decision_id", f.decisionId())) {
      throw new StoreException("could not record " + f.describe() + ": the decision has feedback already; each"
          + " decision takes one");
    }
    Sql.update(c, """
        INSERT INTO feedback (decision_id, quality, actual_cost_usd, actual_latency_ms, note, received_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        f.decisionId(), f.feedback().quality(), f.feedback().actualCostUsd(), f.feedback().actualLatencyMs(),
        f.note(), f.at());
  }

  private static void requireRecorded(Connection c, String table, String id, String what, LedgerEntry entry)
      throws SQLException {
    if (!Sql.exists(c, table, "id", id)) {
      throw new StoreException("could not record " + entry.describe() + ": no " + what + " '" + id
          + "' has been recorded; record the " + what + " first");
    }
  }
}
