package dev.atomic.store;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exclusion;
import dev.atomic.exchange.ScoredBid;
import dev.atomic.task.Microtask;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

/**
 * The SQL that records each kind of {@link LedgerEntry}. JSON is written here, on the writer thread. Plain inserts go
 * into the transaction's batches; upserts run at once, because PostgreSQL refuses one multi-row upsert that touches the
 * same row twice (a run recorded as started and finished in the same batch).
 */
final class EntryWrites {

  private EntryWrites() {}

  static Write of(LedgerEntry entry) {
    return new Write() {
      @Override
      public void apply(Tx tx) throws SQLException {
        switch (entry) {
          case RequestEntry r -> request(tx, r);
          case RunEntry r -> run(tx, r);
          case StepEntry s -> step(tx, s);
          case MicrotaskEntry m -> microtask(tx, m);
          case DecisionEntry d -> decision(tx, d);
          case ExecutionEntry e -> execution(tx, e);
          case OutputEntry o -> output(tx, o);
          case FeedbackEntry f -> feedback(tx, f);
        }
      }

      @Override
      public String describe() {
        return entry.describe();
      }
    };
  }

  private static void request(Tx tx, RequestEntry r) throws SQLException {
    tx.add("INSERT INTO requests (id, tenant, received_at, payload) VALUES (?, ?, ?, ?)",
        List.of(r.id(), r.tenant(), r.receivedAt(), Sql.text(r.payloadJson())));
  }

  private static void run(Tx tx, RunEntry r) throws SQLException {
    // The first entry creates the run; later ones only move its status.
    tx.update("""
        INSERT INTO runs (id, request_id, pipeline, tenant, status, started_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at""",
        r.id(), Sql.text(r.requestId()), r.pipeline(), r.tenant(), r.status(), r.at(), r.at());
  }

  private static void step(Tx tx, StepEntry s) throws SQLException {
    requireRecorded(tx, "runs", s.runId(), "run", s);
    tx.update("""
        INSERT INTO steps (run_id, step_id, status, task_id, detail, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (run_id, step_id) DO UPDATE SET status = excluded.status,
          task_id = COALESCE(excluded.task_id, steps.task_id), detail = excluded.detail,
          updated_at = excluded.updated_at""",
        s.runId(), s.stepId(), s.status(), Sql.text(s.taskId()), s.detail(), s.at(), s.at());
  }

  /** A microtask auctioned again (a retry) is kept as first recorded. */
  private static void microtask(Tx tx, MicrotaskEntry m) throws SQLException {
    Microtask task = m.task();
    String input = task.input() == null ? null : Json.write("the input of microtask " + task.id(), task.input());
    tx.add("""
        INSERT INTO microtasks (id, kind, tenant, run_id, step_id, output_type, constraints, data_classes, input,
          created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO NOTHING""",
        List.of(task.id(), task.kind(), task.tenant(), Sql.text(m.runId()), Sql.text(m.stepId()),
            task.outputType().getTypeName(), Json.write("constraints", task.constraints()),
            Json.write("data classes", new TreeSet<>(task.dataClasses())), Sql.text(input), m.at()));
  }

  private static void decision(Tx tx, DecisionEntry entry) throws SQLException {
    Decision d = entry.decision();
    tx.add("""
        INSERT INTO decisions (id, task_id, kind, tenant, winner, decided_at, margin, explored, run_id, step_id, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        List.of(d.id(), d.taskId(), d.kind(), d.tenant(), Sql.text(d.winner()), d.decidedAtEpochMs(), d.margin(),
            d.explored(), Sql.text(entry.runId()), Sql.text(entry.stepId()), Json.write("decision " + d.id(), d)));
    String bids = """
        INSERT INTO bids (decision_id, position, arm, eligible, claimed_quality, claimed_cost_usd, claimed_latency_ms,
          believed_quality, drawn_quality, expected_cost_usd, expected_latency_ms, observations, utility, exclusion,
          detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    int position = 0;
    for (ScoredBid b : d.ranked()) {
      tx.add(bids, List.of(d.id(), ++position, b.arm(), true, b.claimedQuality(), b.claimedCostUsd(),
          b.claimedLatencyMs(), b.believedQuality(), b.drawnQuality(), b.expectedCostUsd(), b.expectedLatencyMs(),
          b.observations(), b.utility(), Sql.NULL_TEXT, b.rationale()));
    }
    for (Exclusion e : d.exclusions()) {
      tx.add(bids, List.of(d.id(), ++position, e.arm(), false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, e.reason().name(), e.detail()));
    }
  }

  private static void execution(Tx tx, ExecutionEntry e) throws SQLException {
    requireRecorded(tx, "decisions", e.decisionId(), "decision", e);
    if (tx.exists("executions", "decision_id", e.decisionId())) {
      throw new StoreException("could not record " + e.describe() + ": it is recorded already; a decision is"
          + " executed once");
    }
    tx.add("""
        INSERT INTO executions (decision_id, served_by, succeeded, input_tokens, output_tokens, cost_usd, latency_ms,
          repairs, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        List.of(e.decisionId(), Sql.text(e.servedBy()), e.succeeded(), Sql.count(e.inputTokens()),
            Sql.count(e.outputTokens()), e.costUsd(), e.latencyMs(), Json.write("repairs", e.repairs()), e.at()));
    for (Attempt a : e.attempts()) {
      Usage used = a.usage();
      tx.add("""
          INSERT INTO attempts (decision_id, number, arm, status, detail, cost_usd, latency_ms, model, input_tokens,
            output_tokens)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          List.of(e.decisionId(), a.number(), a.arm(), a.status().name(), a.detail(), a.costUsd(), a.latencyMs(),
              Sql.text(used.modelKnown() ? used.model() : null), Sql.count(used.inputTokens()),
              Sql.count(used.outputTokens())));
    }
  }

  private static void output(Tx tx, OutputEntry o) throws SQLException {
    requireRecorded(tx, "decisions", o.decisionId(), "decision", o);
    tx.add("INSERT INTO outputs (decision_id, output, recorded_at) VALUES (?, ?, ?)",
        List.of(o.decisionId(), o.outputJson(), o.at()));
  }

  private static void feedback(Tx tx, FeedbackEntry f) throws SQLException {
    requireRecorded(tx, "decisions", f.decisionId(), "decision", f);
    if (tx.exists("feedback", "decision_id", f.decisionId())) {
      throw new StoreException("could not record " + f.describe() + ": the decision has feedback already; each"
          + " decision takes one");
    }
    tx.add("""
        INSERT INTO feedback (decision_id, quality, actual_cost_usd, actual_latency_ms, note, received_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        List.of(f.decisionId(), f.feedback().quality(), f.feedback().actualCostUsd(), f.feedback().actualLatencyMs(),
            f.note(), f.at()));
  }

  private static void requireRecorded(Tx tx, String table, String id, String what, LedgerEntry entry)
      throws SQLException {
    if (!tx.exists(table, "id", id)) {
      throw new StoreException("could not record " + entry.describe() + ": no " + what + " '" + id
          + "' has been recorded; record the " + what + " first");
    }
  }
}
