package dev.atomic.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * One isolated test database: a SQLite file in a temporary folder, or a PostgreSQL schema with a random name that is
 * dropped on close, so concurrent test runs never meet. PostgreSQL is expected at 127.0.0.1:5432, database
 * {@code test}, user {@code postgres} (override with ATOMIC_TEST_POSTGRES_URL); when it is unreachable the test fails,
 * unless ATOMIC_TEST_POSTGRES=skip.
 */
final class TestDatabase implements AutoCloseable {

  private static final String URL =
      System.getenv().getOrDefault("ATOMIC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = "postgres";

  private final Consumer<StoreConfig> target;
  private final Path file;
  private final String schema;

  private TestDatabase(Consumer<StoreConfig> target, Path file, String schema) {
    this.target = target;
    this.file = file;
    this.schema = schema;
  }

  static TestDatabase sqlite(Path file) {
    return new TestDatabase(config -> config.sqlite(file), file, null);
  }

  static TestDatabase postgres() {
    // Random on purpose: the name only has to differ between test runs that share the server; no result depends on it.
    String schema = "atomic_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("skip".equals(System.getenv("ATOMIC_TEST_POSTGRES"))) {
        Assumptions.abort("PostgreSQL at " + URL + " is unreachable and ATOMIC_TEST_POSTGRES=skip: " + e.getMessage());
      }
      throw new AssertionError("PostgreSQL at " + URL + " (user " + USER + ") is unreachable: " + e.getMessage()
          + ". Start it (pg_ctlcluster ... main start) or set ATOMIC_TEST_POSTGRES=skip to skip these tests.", e);
    }
    return new TestDatabase(config -> config.postgres(URL, USER, "", schema), null, schema);
  }

  /**
   * Takes a lock that stalls every write to the table until closed, from a connection of its own, as a slow or
   * locked database would.
   */
  AutoCloseable stallWrites(String table) throws SQLException {
    if (schema == null) {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      c.createStatement().execute("BEGIN IMMEDIATE");
      return () -> {
        c.createStatement().execute("ROLLBACK");
        c.close();
      };
    }
    Connection c = DriverManager.getConnection(URL, USER, "");
    c.setAutoCommit(false);
    c.createStatement().execute("LOCK TABLE " + schema + "." + table + " IN EXCLUSIVE MODE");
    return () -> {
      c.rollback();
      c.close();
    };
  }

  /** Runs statements on a connection of its own, outside any store, as someone editing the database by hand would. */
  void execute(String... statements) throws SQLException {
    try (Connection c = schema == null
            ? DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())
            : DriverManager.getConnection(URL, USER, "");
        Statement s = c.createStatement()) {
      if (schema != null) {
        s.execute("SET search_path TO " + schema);
      }
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** Every row a query answers, each as its columns' text, on a connection of its own. */
  java.util.List<java.util.List<String>> rows(String query) throws SQLException {
    try (Connection c = schema == null
            ? DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())
            : DriverManager.getConnection(URL, USER, "");
        Statement s = c.createStatement()) {
      if (schema != null) {
        s.execute("SET search_path TO " + schema);
      }
      try (java.sql.ResultSet rs = s.executeQuery(query)) {
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        while (rs.next()) {
          java.util.List<String> row = new java.util.ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /** Migrates this database as far as schema {@code version} and no further, as a store of that version left it. */
  void migrateTo(String version) {
    var flyway = org.flywaydb.core.Flyway.configure()
        .locations(Databases.MIGRATIONS)
        .table(Databases.HISTORY_TABLE)
        .target(version);
    if (schema == null) {
      flyway.dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    } else {
      flyway.dataSource(URL, USER, "").schemas(schema);
    }
    flyway.load().migrate();
  }

  /** Opens a store on this database. */
  Store open() {
    return open(config -> {});
  }

  /** Opens a store on this database with further settings. */
  Store open(Consumer<StoreConfig> settings) {
    return Store.open(target.andThen(settings));
  }

  @Override
  public void close() throws SQLException {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(URL, USER, "");
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
