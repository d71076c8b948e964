package dev.atomic.governance.audit;

import java.util.List;
import java.util.Optional;

/**
 * Where audit entries are kept; the chaining is done by {@link AuditLog#chained}, so a store only stores. The database
 * implementation belongs in {@code atomic-store}: one table {@code audit_entry(sequence BIGINT PRIMARY KEY, at_epoch_ms
 * BIGINT NOT NULL, tenant TEXT NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL, details TEXT NOT NULL -- JSON object
 * of string values, previous_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL UNIQUE)}, insert-only (no UPDATE or DELETE
 * grants), with an index on {@code (tenant, sequence)}.
 */
public interface AuditStore {

  /** The last entry appended, if any. */
  Optional<AuditEntry> last();

  /** Stores the entry; must fail if its sequence is already taken, so two writers cannot fork the chain. */
  void append(AuditEntry entry);

  /**
   * Stores consecutive entries, in order; a database stores them in one transaction. Like {@link #append}, fails
   * without storing any if a sequence is taken.
   */
  default void appendAll(List<AuditEntry> entries) {
    entries.forEach(this::append);
  }

  /** Entries with {@code from <= sequence < to}, in sequence order. */
  List<AuditEntry> read(long from, long to);
}
