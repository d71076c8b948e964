package dev.atomic.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/*
 * One transaction of the batch writer, the hot path of recording. Each SQL string is prepared once per transaction, and
 * inserts are added to JDBC batches instead of being sent one by one; PostgreSQL then rewrites each batch into
 * multi-row inserts. Before any read, and before the commit, pending batches are executed in the order their
 * statements were first used since the last flush: an entry inserts its parent row (a decision) before its children
 * (its bids), so every parent batch runs before the child batch that needs it.
 */
final class Tx implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final SequencedSet<PreparedStatement> pending = new LinkedHashSet<>();

  Tx(Connection connection) {
    this.connection = connection;
  }

  /** Adds a row to the statement's batch; it is sent at the next read or flush. */
  void add(String sql, List<?> params) throws SQLException {
    PreparedStatement statement = statement(sql);
    Sql.bind(statement, params);
    statement.addBatch();
    pending.add(statement);
  }

  /** Sends pending batches, then runs one statement at once; returns how many rows it changed. */
  int update(String sql, Object... params) throws SQLException {
    flush();
    PreparedStatement statement = statement(sql);
    Sql.bind(statement, List.of(params));
    return statement.executeUpdate();
  }

  /** Sends pending batches, then runs a query. */
  <T> List<T> query(String sql, List<?> params, Sql.Row<T> row) throws SQLException {
    flush();
    PreparedStatement statement = statement(sql);
    Sql.bind(statement, params);
    try (ResultSet rs = statement.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    }
  }

  /** Whether a row with the key exists. */
  boolean exists(String table, String column, String key) throws SQLException {
    return !query("SELECT 1 FROM " + table + " WHERE " + column + " = ?", List.of(key), rs -> 1).isEmpty();
  }

  /** Sends every pending batch, parents first. */
  void flush() throws SQLException {
    while (!pending.isEmpty()) {
      pending.removeFirst().executeBatch();
    }
  }

  /** Sends what is pending and commits. */
  void commit() throws SQLException {
    flush();
    connection.commit();
  }

  /** Forgets what is pending and rolls back. */
  void rollback() throws SQLException {
    for (PreparedStatement statement : pending) {
      statement.clearBatch();
    }
    pending.clear();
    connection.rollback();
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    statements.clear();
    if (first != null) {
      throw first;
    }
  }
}
