package dev.atomic.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.atomic.governance.audit.AuditStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/** The store on a JDBC database: one pooled data source, one batch writer, and the queries beside them. */
final class JdbcStore implements Store {

  private final HikariDataSource dataSource;
  private final BatchWriter writer;
  private final ExchangeStates states;
  private final ReentrantLock saving = new ReentrantLock();
  private final JdbcJournal journal;
  private final JdbcLedger ledger;
  private final JdbcAuditStore audit;
  private final ApiKeys apiKeys;
  private final JdbcRunLeases leases;
  private final InstantSource clock;

  private JdbcStore(HikariDataSource dataSource, Settings settings) {
    this.dataSource = dataSource;
    this.writer = new BatchWriter(dataSource, settings);
    this.clock = settings.clock();
    this.states = new ExchangeStates(dataSource, clock);
    this.journal = new JdbcJournal(dataSource, writer, clock);
    this.ledger = new JdbcLedger(dataSource);
    this.audit = new JdbcAuditStore(dataSource);
    JdbcApiKeys keys = new JdbcApiKeys(dataSource, clock);
    this.apiKeys = settings.apiKeyCache().isZero() ? keys : new CachedApiKeys(keys, clock, settings.apiKeyCache());
    this.leases = new JdbcRunLeases(dataSource, writer, clock);
  }

  static JdbcStore open(Settings settings) {
    HikariDataSource dataSource = Databases.open(settings);
    try {
      Databases.migrate(dataSource, settings);
      return new JdbcStore(dataSource, settings);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  @Override
  public CompletableFuture<Void> record(LedgerEntry entry) {
    return writer.submit(EntryWrites.of(Objects.requireNonNull(entry, "entry")));
  }

  @Override
  public CompletableFuture<Void> flush() {
    return writer.submitAwaited(Write.FLUSH);
  }

  @Override
  public void saveState(String exchange, ExchangeState state) {
    Objects.requireNonNull(state, "state");
    // One save at a time: each writes the change since the last committed one.
    saving.lock();
    try {
      ExchangeStates.StateWrite write = states.save(exchange, state);
      try {
        await(writer.submitAwaited(write));
      } catch (RuntimeException e) {
        states.forget(exchange);
        throw e;
      }
      states.committed(write);
    } finally {
      saving.unlock();
    }
  }

  @Override
  public Optional<ExchangeState> loadState(String exchange) {
    return states.load(exchange);
  }

  @Override
  public void saveLearner(String name, long version, String stateJson) {
    Checks.id("learner name", name);
    Json.requireWellFormed("the state of learner " + name, stateJson);
    long savedAt = clock.millis();
    String what = "the state of learner " + name + " (version " + version + ", " + stateJson.length() + " characters)";
    await(writer.submitAwaited(Write.of(what, tx -> tx.update(
        "INSERT INTO learner_state (name, version, state, saved_at) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET version = excluded.version, state = excluded.state, "
            + "saved_at = excluded.saved_at", name, version, stateJson, savedAt))));
  }

  @Override
  public Optional<LearnerState> loadLearner(String name) {
    Checks.id("learner name", name);
    return Sql.query(dataSource, "the state of learner " + name,
        "SELECT name, version, state, saved_at FROM learner_state WHERE name = ?", List.of(name),
        rs -> new LearnerState(rs.getString("name"), rs.getLong("version"), rs.getString("state"),
            Sql.instant(rs, "saved_at"))).stream().findFirst();
  }

  @Override
  public RunLeases runLeases() {
    return leases;
  }

  @Override
  public RunJournal journal() {
    return journal;
  }

  @Override
  public Ledger ledger() {
    return ledger;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public ApiKeys apiKeys() {
    return apiKeys;
  }

  @Override
  public void close() {
    try {
      writer.close();
    } finally {
      dataSource.close();
    }
  }

  /** Stops as a crash would: nothing queued is committed. For tests of what acknowledgement promises. */
  void crash() {
    try {
      writer.crash();
    } finally {
      dataSource.close();
    }
  }

  /** Waits for a write and rethrows its failure as the store's own exception. */
  static void await(CompletableFuture<Void> write) {
    try {
      write.get();
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof StoreException store) {
        throw new StoreException(store.getMessage(), store);
      }
      throw new StoreException("a write failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a write to commit; it may still commit", e);
    }
  }
}
