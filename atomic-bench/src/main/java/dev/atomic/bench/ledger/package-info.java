/**
 * {@code ./atomic bench ledger}: what recording costs, on SQLite and PostgreSQL; the entry point is
 * {@link dev.atomic.bench.ledger.LedgerBenchmark}.
 */
package dev.atomic.bench.ledger;
