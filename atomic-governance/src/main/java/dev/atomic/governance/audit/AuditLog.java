package dev.atomic.governance.audit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * An append-only, hash-chained audit log. Append events; the log numbers, times and chains them.
 *
 * {@snippet :
 * AuditLog log = AuditLog.inMemory(InstantSource.system());
 * Exchange exchange = Exchange.builder().listener(new AuditingListener(log, policy)).build();
 * // ... later, or in another process reading the same store:
 * AuditVerifier.Verification result = AuditVerifier.verify(log.read(1, Long.MAX_VALUE));
 * }
 */
public interface AuditLog {

  /** Appends the event as the next entry of the chain and returns that entry. */
  AuditEntry append(AuditEvent event);

  /**
   * Records the event; a queued log ({@link #queued}) returns at once and appends it in order off the caller's thread,
   * any other log appends it now.
   */
  default void submit(AuditEvent event) {
    append(event);
  }

  /** Appends consecutive events as the next entries of the chain. */
  default List<AuditEntry> appendAll(List<AuditEvent> events) {
    return events.stream().map(this::append).toList();
  }

  /** Entries with {@code from <= sequence < to}, in order. */
  List<AuditEntry> read(long from, long to);

  /** A log kept in memory. */
  static AuditLog inMemory(InstantSource clock) {
    return chained(new InMemoryAuditStore(), clock);
  }

  /**
   * A log whose {@link #submit} queues the event for one writer thread that chains and stores them in batches, so
   * auditing stays off the award path. The queue is bounded: when full, {@code submit} waits (auditing is never
   * dropped). {@link QueuedAuditLog#close} writes what is queued.
   */
  static QueuedAuditLog queued(AuditLog log, int capacity) {
    return queued(log, capacity, Duration.ZERO);
  }

  /**
   * As {@link #queued(AuditLog, int)}, the writer waiting {@code linger} after the first event of a batch so that the
   * events right behind it join the same transaction (group commit).
   */
  static QueuedAuditLog queued(AuditLog log, int capacity, Duration linger) {
    return new QueuedAuditLog(Objects.requireNonNull(log, "log"), capacity, Objects.requireNonNull(linger, "linger"));
  }

  /** A log that chains entries and keeps them in the given store. */
  static AuditLog chained(AuditStore store, InstantSource clock) {
    return new ChainedAuditLog(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"));
  }
}
