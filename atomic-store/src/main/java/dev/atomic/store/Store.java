package dev.atomic.store;

import dev.atomic.governance.audit.AuditStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The durable ledger of an Atomic service: records every request, run, decision, execution and feedback, keeps the
 * exchange's learned state across restarts, journals pipeline steps, and answers queries.
 *
 * <p><b>Acknowledged writes.</b> {@link #record} only queues the entry and returns at once; a writer thread commits
 * queued entries in batches. An entry is <em>acknowledged</em> when its future completes normally: it is then
 * committed and survives a crash of the process. A future that completes exceptionally carries why, and nothing of that
 * entry was written. {@link #flush} acknowledges everything recorded before it; {@link #close} drains the queue first.
 *
 * {@snippet :
 * try (Store store = Store.open(config -> config.sqlite(Path.of("atomic.db")))) {
 *   store.record(DecisionEntry.of(decision));
 *   store.saveState("main", ExchangeState.of(exchange));
 * }
 * }
 */
public interface Store extends AutoCloseable {

  /**
   * Opens the store the configuration describes, migrating its schema to the current version first.
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  static Store open(Consumer<StoreConfig> configure) {
    StoreConfig config = new StoreConfig();
    configure.accept(config);
    return JdbcStore.open(config.settings());
  }

  /**
   * Queues an entry for the writer and returns at once; the future completes when the entry is committed, or
   * exceptionally (with a {@link StoreException}) when it could not be, such as a feedback for an unknown decision.
   *
   * @throws StoreException when the store is closed, or the queue stayed full for the whole enqueue timeout
   */
  CompletableFuture<Void> record(LedgerEntry entry);

  /** A future that completes when everything recorded before this call is committed or has failed. */
  CompletableFuture<Void> flush();

  /** Saves an exchange's learned state under a name, replacing what was saved before; returns once committed. */
  void saveState(String exchange, ExchangeState state);

  /** The state last saved under the name, or empty when none was. */
  Optional<ExchangeState> loadState(String exchange);

  /**
   * Saves the learned state of a learner beside the exchange (the adaptive heads, as JSON) under a name, replacing
   * what was saved before; returns once committed.
   *
   * @param version the learner's own count of what it learned, kept to tell whether a later state differs
   */
  void saveLearner(String name, long version, String stateJson);

  /** The learner state last saved under the name, or empty when none was. */
  Optional<LearnerState> loadLearner(String name);

  /** Which server runs which pipeline run; interrupted runs are resumed by exactly one server. */
  RunLeases runLeases();

  /** The pipeline engine's journal. */
  RunJournal journal();

  /** Queries over what has been recorded. */
  Ledger ledger();

  /**
   * The insert-only table of the audit chain; give it to {@code AuditLog.chained(store.audit(), clock)}. Each append
   * is committed before it returns; a second writer taking the same sequence fails instead of forking the chain.
   */
  AuditStore audit();

  /** The service's API keys, each bound to a tenant; only their hashes are stored. */
  ApiKeys apiKeys();

  /** Commits everything queued, then closes the database connections. Idempotent. */
  @Override
  void close();
}
