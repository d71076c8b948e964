/**
 * The durable ledger: everything the exchange decides and learns, on SQLite (embedded default) or PostgreSQL.
 *
 * <p>Everything starts at {@link dev.atomic.store.Store#open}: {@link dev.atomic.store.Store#record} writes
 * {@link dev.atomic.store.LedgerEntry ledger entries} in batches off the caller's thread,
 * {@link dev.atomic.store.Store#saveState} keeps an exchange's learned state across restarts,
 * {@link dev.atomic.store.Store#journal()} serves the pipeline engine (through
 * {@link dev.atomic.store.EngineJournal}), {@link dev.atomic.store.Store#ledger()}
 * answers queries, {@link dev.atomic.store.Store#audit()} keeps the governance audit chain and
 * {@link dev.atomic.store.Store#apiKeys()} the service's API keys, each bound to a tenant.
 */
package dev.atomic.store;
