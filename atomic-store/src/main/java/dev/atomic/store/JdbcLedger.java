package dev.atomic.store;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Feedback;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The ledger's queries, in SQL that SQLite and PostgreSQL both run. */
final class JdbcLedger implements Ledger {

  private static final String SUMMARY_COLUMNS =
      "d.id, d.task_id, d.kind, d.tenant, d.winner, d.decided_at, d.margin, d.explored, d.run_id, d.step_id";

  /** How many decision ids one query binds: far below what SQLite (32,766) and PostgreSQL (65,535) allow. */
  static final int IDS_PER_QUERY = 500;

  private final DataSource dataSource;

  JdbcLedger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<RunView> run(String runId) {
    Checks.id("run id", runId);
    String what = "run " + runId;
    List<RunView> runs = Sql.query(dataSource, what, """
        SELECT id, request_id, pipeline, tenant, status, started_at, updated_at FROM runs WHERE id = ?""",
        List.of(runId), rs -> new RunView(rs.getString("id"), rs.getString("request_id"), rs.getString("pipeline"),
            rs.getString("tenant"), rs.getString("status"), Sql.instant(rs, "started_at"),
            Sql.instant(rs, "updated_at"), List.of(), List.of()));
    if (runs.isEmpty()) {
      return Optional.empty();
    }
    List<StepView> steps = Sql.query(dataSource, what, """
        SELECT step_id, status, task_id, detail, updated_at FROM steps WHERE run_id = ?
        ORDER BY created_at, step_id""", List.of(runId),
        rs -> new StepView(rs.getString("step_id"), rs.getString("status"), rs.getString("task_id"),
            rs.getString("detail"), Sql.instant(rs, "updated_at")));
    List<DecisionSummary> decisions = Sql.query(dataSource, what,
        "SELECT " + SUMMARY_COLUMNS + " FROM decisions d WHERE d.run_id = ? ORDER BY d.decided_at, d.id",
        List.of(runId), JdbcLedger::summary);
    RunView run = runs.getFirst();
    return Optional.of(new RunView(run.id(), run.requestId(), run.pipeline(), run.tenant(), run.status(),
        run.startedAt(), run.updatedAt(), steps, decisions));
  }

  @Override
  public List<String> runIds(String status, int limit) {
    Checks.id("run status", status);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return Sql.query(dataSource, "the runs " + status,
        "SELECT id FROM runs WHERE status = ? ORDER BY started_at, id LIMIT " + limit, List.of(status),
        rs -> rs.getString(1));
  }

  @Override
  public Optional<Decision> decision(String decisionId) {
    Checks.id("decision id", decisionId);
    List<String> bodies = Sql.query(dataSource, "decision " + decisionId,
        "SELECT body FROM decisions WHERE id = ?", List.of(decisionId), rs -> rs.getString(1));
    return bodies.stream().findFirst().map(body -> Json.read("stored decision " + decisionId, body, Decision.class));
  }

  @Override
  public Optional<RequestEntry> request(String requestId) {
    Checks.id("request id", requestId);
    return Sql.query(dataSource, "request " + requestId,
        "SELECT id, tenant, received_at, payload FROM requests WHERE id = ?", List.of(requestId),
        rs -> new RequestEntry(rs.getString("id"), rs.getString("tenant"), Sql.instant(rs, "received_at"),
            rs.getString("payload"))).stream().findFirst();
  }

  @Override
  public Optional<TaskView> task(String taskId) {
    Checks.id("task id", taskId);
    return Sql.query(dataSource, "microtask " + taskId,
        "SELECT id, kind, tenant, run_id, step_id, input, created_at FROM microtasks WHERE id = ?", List.of(taskId),
        rs -> new TaskView(rs.getString("id"), rs.getString("kind"), rs.getString("tenant"), rs.getString("run_id"),
            rs.getString("step_id"), rs.getString("input"), Sql.instant(rs, "created_at"))).stream().findFirst();
  }

  @Override
  public Optional<AwardView> award(String decisionId) {
    Optional<Decision> decision = decision(decisionId);
    if (decision.isEmpty()) {
      return Optional.empty();
    }
    String what = "the award of decision " + decisionId;
    List<Object> key = List.of(decisionId);
    List<Attempt> attempts = Sql.query(dataSource, what, """
        SELECT number, arm, status, detail, cost_usd, latency_ms, model, input_tokens, output_tokens FROM attempts
        WHERE decision_id = ? ORDER BY number""",
        key, JdbcLedger::attempt);
    List<ExecutionEntry> executions = Sql.query(dataSource, what, """
        SELECT served_by, input_tokens, output_tokens, cost_usd, latency_ms, repairs, recorded_at
        FROM executions WHERE decision_id = ?""", key, rs -> execution(rs, decisionId, attempts));
    List<String> outputs = Sql.query(dataSource, what, "SELECT output FROM outputs WHERE decision_id = ?", key,
        rs -> rs.getString(1));
    List<FeedbackEntry> feedback = Sql.query(dataSource, what, """
        SELECT quality, actual_cost_usd, actual_latency_ms, note, received_at FROM feedback WHERE decision_id = ?""",
        key, rs -> feedback(rs, decisionId));
    return Optional.of(new AwardView(decision.get(), executions.stream().findFirst().orElse(null),
        outputs.stream().findFirst().orElse(null), feedback.stream().findFirst().orElse(null)));
  }

  @Override
  public List<AwardView> recentAwards(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    String what = "the last " + limit + " awards";
    // Execution, output and feedback hold at most one row per decision (their key), so one query joins them to the
    // window of decisions. No transaction spans the queries (a SQLite transaction here would take the write lock):
    // decisions recorded meanwhile are simply not in the window, and the attempts are read by the ids it holds.
    List<AwardView> withoutAttempts = Sql.query(dataSource, what, """
        SELECT d.id, d.body, e.decision_id AS executed, e.served_by, e.input_tokens, e.output_tokens, e.cost_usd,
          e.latency_ms, e.repairs, e.recorded_at, o.output, f.decision_id AS judged, f.quality, f.actual_cost_usd,
          f.actual_latency_ms, f.note, f.received_at
        FROM (SELECT id, body, decided_at FROM decisions ORDER BY decided_at DESC, id DESC LIMIT ?) d
        LEFT JOIN executions e ON e.decision_id = d.id
        LEFT JOIN outputs o ON o.decision_id = d.id
        LEFT JOIN feedback f ON f.decision_id = d.id
        ORDER BY d.decided_at, d.id""", List.of(limit), rs -> {
          String id = rs.getString("id");
          return new AwardView(Json.read("stored decision " + id, rs.getString("body"), Decision.class),
              rs.getString("executed") == null ? null : execution(rs, id, List.of()), rs.getString("output"),
              rs.getString("judged") == null ? null : feedback(rs, id));
        });
    Map<String, List<Attempt>> attempts = attempts(what, withoutAttempts.stream()
        .filter(a -> a.execution() != null).map(a -> a.decision().id()).toList());
    return withoutAttempts.stream().map(a -> a.execution() == null ? a : new AwardView(a.decision(),
        withAttempts(a.execution(), attempts.getOrDefault(a.decision().id(), List.of())), a.outputJson(),
        a.feedback())).toList();
  }

  /** The attempts of the executed decisions, each decision's in order, {@value #IDS_PER_QUERY} decisions a query. */
  private Map<String, List<Attempt>> attempts(String what, List<String> decisionIds) {
    Map<String, List<Attempt>> byDecision = new HashMap<>();
    for (int from = 0; from < decisionIds.size(); from += IDS_PER_QUERY) {
      List<String> ids = decisionIds.subList(from, Math.min(from + IDS_PER_QUERY, decisionIds.size()));
      record Row(String decisionId, Attempt attempt) {}
      String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
      List<Row> rows = Sql.query(dataSource, what, "SELECT decision_id, number, arm, status, detail, cost_usd,"
          + " latency_ms, model, input_tokens, output_tokens FROM attempts WHERE decision_id IN (" + in + ")"
          + " ORDER BY decision_id, number", ids,
          rs -> new Row(rs.getString("decision_id"), attempt(rs)));
      rows.forEach(r -> byDecision.computeIfAbsent(r.decisionId(), id -> new ArrayList<>()).add(r.attempt()));
    }
    return byDecision;
  }

  private static Attempt attempt(ResultSet rs) throws SQLException {
    return new Attempt(rs.getInt("number"), rs.getString("arm"), Attempt.Status.valueOf(rs.getString("status")),
        rs.getString("detail"), rs.getDouble("cost_usd"), rs.getDouble("latency_ms"), usage(rs));
  }

  /** An attempt's usage; rows recorded before the columns existed (schema version 8) read as unknown. */
  private static Usage usage(ResultSet rs) throws SQLException {
    String model = rs.getString("model");
    long in = countOrUnknown(rs, "input_tokens");
    long out = countOrUnknown(rs, "output_tokens");
    return new Usage(model == null ? "" : model, in, out);
  }

  private static ExecutionEntry execution(ResultSet rs, String decisionId, List<Attempt> attempts)
      throws SQLException {
    return new ExecutionEntry(decisionId, rs.getString("served_by"), countOrUnknown(rs, "input_tokens"),
        countOrUnknown(rs, "output_tokens"), rs.getDouble("cost_usd"), rs.getDouble("latency_ms"),
        List.of(Json.read("repairs of decision " + decisionId, rs.getString("repairs"), String[].class)),
        attempts, Sql.instant(rs, "recorded_at"));
  }

  private static ExecutionEntry withAttempts(ExecutionEntry e, List<Attempt> attempts) {
    return new ExecutionEntry(e.decisionId(), e.servedBy(), e.inputTokens(), e.outputTokens(), e.costUsd(),
        e.latencyMs(), e.repairs(), attempts, e.at());
  }

  private static FeedbackEntry feedback(ResultSet rs, String decisionId) throws SQLException {
    return new FeedbackEntry(decisionId, new Feedback(rs.getDouble("quality"), Sql.doubleOrNaN(rs, "actual_cost_usd"),
        Sql.doubleOrNaN(rs, "actual_latency_ms")), rs.getString("note"), Sql.instant(rs, "received_at"));
  }

  private static long countOrUnknown(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? -1 : value;
  }

  @Override
  public Page<DecisionSummary> decisions(DecisionQuery query) {
    Filter filter = Filter.of(query);
    List<Object> params = new ArrayList<>(filter.params());
    params.add(query.limit() + 1); // one more than asked, to learn whether another page follows
    params.add(query.offset());
    List<DecisionSummary> rows = Sql.query(dataSource, "decisions", "SELECT " + SUMMARY_COLUMNS
        + " FROM decisions d WHERE 1 = 1" + filter.sql() + " ORDER BY d.decided_at DESC, d.id DESC LIMIT ? OFFSET ?",
        params, JdbcLedger::summary);
    boolean more = rows.size() > query.limit();
    return new Page<>(more ? rows.subList(0, query.limit()) : rows, query.offset(), more);
  }

  @Override
  public List<BidderStats> bidderStats(DecisionQuery query) {
    Filter filter = Filter.of(query);
    record Count(String arm, long count, double sum, long successes) {}
    List<Object> eligibleParams = new ArrayList<>();
    eligibleParams.add(true);
    eligibleParams.addAll(filter.params());
    List<Count> eligible = Sql.query(dataSource, "bid statistics",
        "SELECT b.arm, COUNT(*) FROM bids b JOIN decisions d ON d.id = b.decision_id WHERE b.eligible = ?"
            + filter.sql() + " GROUP BY b.arm", eligibleParams,
        rs -> new Count(rs.getString(1), rs.getLong(2), 0, 0));
    List<Count> wins = Sql.query(dataSource, "win statistics",
        "SELECT d.winner, COUNT(*) FROM decisions d WHERE d.winner IS NOT NULL" + filter.sql() + " GROUP BY d.winner",
        filter.params(), rs -> new Count(rs.getString(1), rs.getLong(2), 0, 0));
    List<Count> attempts = Sql.query(dataSource, "attempt statistics",
        "SELECT a.arm, COUNT(*), SUM(a.cost_usd) FROM attempts a JOIN decisions d ON d.id = a.decision_id WHERE 1 = 1"
            + filter.sql() + " GROUP BY a.arm", filter.params(),
        rs -> new Count(rs.getString(1), rs.getLong(2), rs.getDouble(3), 0));
    // Feedback belongs to whoever served the answer: the executing arm, or the winner when no execution was recorded.
    List<Count> feedback = Sql.query(dataSource, "feedback statistics", """
        SELECT COALESCE(e.served_by, d.winner), COUNT(*), SUM(f.quality),
          SUM(CASE WHEN f.quality >= 0.5 THEN 1 ELSE 0 END)
        FROM feedback f JOIN decisions d ON d.id = f.decision_id
        LEFT JOIN executions e ON e.decision_id = f.decision_id
        WHERE COALESCE(e.served_by, d.winner) IS NOT NULL""" + filter.sql()
            + " GROUP BY COALESCE(e.served_by, d.winner)", filter.params(),
        rs -> new Count(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4)));

    Map<String, Map<String, Count>> byArm = new TreeMap<>();
    for (var part : List.of(Map.entry("eligible", eligible), Map.entry("wins", wins), Map.entry("attempts", attempts),
        Map.entry("feedback", feedback))) {
      for (Count c : part.getValue()) {
        byArm.computeIfAbsent(c.arm(), a -> new HashMap<>()).put(part.getKey(), c);
      }
    }
    Count zero = new Count("", 0, 0, 0);
    List<BidderStats> stats = new ArrayList<>();
    byArm.forEach((arm, parts) -> {
      Count f = parts.getOrDefault("feedback", zero);
      Count a = parts.getOrDefault("attempts", zero);
      stats.add(new BidderStats(arm, parts.getOrDefault("eligible", zero).count(),
          parts.getOrDefault("wins", zero).count(), a.count(), a.sum(), f.count(),
          f.count() == 0 ? Double.NaN : f.sum() / f.count(),
          f.count() == 0 ? Double.NaN : (double) f.successes() / f.count()));
    });
    return List.copyOf(stats);
  }

  private static DecisionSummary summary(ResultSet rs) throws SQLException {
    return new DecisionSummary(rs.getString("id"), rs.getString("task_id"), rs.getString("kind"),
        rs.getString("tenant"), rs.getString("winner"), Sql.instant(rs, "decided_at"), Sql.doubleOrNaN(rs, "margin"),
        rs.getBoolean("explored"), rs.getString("run_id"), rs.getString("step_id"));
  }

  /** The WHERE conditions of a query on decisions {@code d}, each starting with AND. */
  private record Filter(String sql, List<Object> params) {

    static Filter of(DecisionQuery q) {
      StringBuilder sql = new StringBuilder();
      List<Object> params = new ArrayList<>();
      if (q.tenant() != null) {
        sql.append(" AND d.tenant = ?");
        params.add(q.tenant());
      }
      if (q.kind() != null) {
        sql.append(" AND d.kind = ?");
        params.add(q.kind());
      }
      if (q.winner() != null) {
        sql.append(" AND d.winner = ?");
        params.add(q.winner());
      }
      if (q.from() != null) {
        sql.append(" AND d.decided_at >= ?");
        params.add(q.from().toEpochMilli());
      }
      if (q.until() != null) {
        sql.append(" AND d.decided_at < ?");
        params.add(q.until().toEpochMilli());
      }
      return new Filter(sql.toString(), List.copyOf(params));
    }
  }
}
