/**
 * An append-only, hash-chained audit trail: every award, model call, feedback and admin action, each entry carrying the
 * SHA-256 of the one before. The entry point is {@link dev.atomic.governance.audit.AuditLog}
 * ({@code AuditLog.inMemory(clock)}, or {@code AuditLog.chained(store, clock)} over a database); the
 * {@link dev.atomic.governance.audit.AuditingListener} fills it from an exchange, and
 * {@link dev.atomic.governance.audit.AuditVerifier} finds the first broken link.
 */
package dev.atomic.governance.audit;
