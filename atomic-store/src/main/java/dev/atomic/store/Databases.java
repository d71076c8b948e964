package dev.atomic.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the pooled data source of a configured database and migrates its schema with Flyway. */
final class Databases {

  static final String MIGRATIONS = "classpath:dev/atomic/store/migration";
  static final String HISTORY_TABLE = "atomic_schema_history";

  private Databases() {}

  static HikariDataSource open(Settings settings) {
    HikariConfig pool = new HikariConfig();
    pool.setMaximumPoolSize(settings.poolSize());
    pool.setConnectionTimeout(10_000);
    switch (settings.database()) {
      case Settings.Sqlite sqlite -> {
        pool.setPoolName("atomic-store-sqlite");
        pool.setDataSource(sqlite(sqlite.file()));
      }
      case Settings.Postgres pg -> {
        pool.setPoolName("atomic-store-postgres");
        pool.setJdbcUrl(pg.url());
        pool.setUsername(pg.user());
        pool.setPassword(pg.password());
        pool.setSchema(pg.schema());
        // Sends each JDBC batch of inserts as multi-row inserts: the writer's batches become a few round trips.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
      }
    }
    try {
      return new HikariDataSource(pool);
    } catch (RuntimeException e) {
      throw new StoreException("could not connect to " + settings.database().describe() + ": " + rootMessage(e), e);
    }
  }

  static void migrate(HikariDataSource dataSource, Settings settings) {
    FluentConfiguration flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .table(HISTORY_TABLE);
    if (settings.database() instanceof Settings.Postgres pg) {
      flyway.schemas(pg.schema()).createSchemas(true);
    }
    try {
      flyway.load().migrate();
    } catch (RuntimeException e) {
      throw new StoreException("could not migrate the ledger schema of " + settings.database().describe() + ": "
          + rootMessage(e), e);
    }
  }

  private static SQLiteDataSource sqlite(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("could not create the folder " + parent + " for the SQLite ledger " + file, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    // WAL lets readers run beside the one writer; FULL syncs the WAL on every commit, so an acknowledged write
    // survives power loss, not just a crash of the process.
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(30_000);
    // A deferred transaction that reads before it writes (a write that checks its decision exists) holds a snapshot;
    // if another connection (the audit writer) commits meanwhile, its first write fails at once with
    // SQLITE_BUSY_SNAPSHOT, which no busy timeout retries. IMMEDIATE takes the write lock at BEGIN, waiting as long as
    // the busy timeout allows, so the ledger's and the audit trail's writers take turns instead of failing.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
  }
}
