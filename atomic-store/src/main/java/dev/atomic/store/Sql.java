package dev.atomic.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC, kept portable between SQLite and PostgreSQL: NaN is stored as NULL (SQLite cannot keep it), times as
 * epoch milliseconds, and statements bind only strings, numbers and booleans.
 */
final class Sql {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  /** Runs a query on a pooled connection. */
  static <T> List<T> query(DataSource dataSource, String what, String sql, List<?> params, Row<T> row) {
    try (Connection connection = dataSource.getConnection()) {
      return query(connection, sql, params, row);
    } catch (SQLException e) {
      throw new StoreException("could not read " + what + ": " + e.getMessage(), e);
    }
  }

  static <T> List<T> query(Connection connection, String sql, List<?> params, Row<T> row) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      try (ResultSet rs = statement.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  static void bind(PreparedStatement statement, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      set(statement, i + 1, params.get(i));
    }
  }

  private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
    switch (value) {
      case null -> throw new IllegalArgumentException("parameter " + index + " is null; bind a typed Sql.Null");
      case Null n -> statement.setNull(index, n.sqlType());
      case String s -> statement.setString(index, s);
      case Integer i -> statement.setInt(index, i);
      case Long l -> statement.setLong(index, l);
      case Double d when d.isNaN() -> statement.setNull(index, Types.DOUBLE);
      case Double d -> statement.setDouble(index, d);
      case Boolean b -> statement.setBoolean(index, b);
      case Instant t -> statement.setLong(index, t.toEpochMilli());
      default -> throw new IllegalArgumentException("cannot bind " + value.getClass().getName() + " at " + index);
    }
  }

  /** A typed NULL parameter. */
  record Null(int sqlType) {}

  static final Null NULL_TEXT = new Null(Types.VARCHAR);
  static final Null NULL_BIGINT = new Null(Types.BIGINT);

  /** A string or a typed NULL. */
  static Object text(String value) {
    return value == null ? NULL_TEXT : value;
  }

  /** A count, or NULL when negative (unknown). */
  static Object count(long value) {
    return value < 0 ? NULL_BIGINT : (Object) value;
  }

  /** A double column that may be NULL, read back as NaN. */
  static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(column));
  }
}
