package dev.atomic.governance.audit;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Chains each event onto the store's last entry; appends are serialised so the chain cannot fork in one process. */
final class ChainedAuditLog implements AuditLog {

  private final AuditStore store;
  private final InstantSource clock;
  private final Object appending = new Object();

  ChainedAuditLog(AuditStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public AuditEntry append(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (appending) {
      AuditEntry entry = AuditChain.next(store.last().orElse(null), event, clock.instant());
      store.append(entry);
      return entry;
    }
  }

  @Override
  public List<AuditEntry> appendAll(List<AuditEvent> events) {
    synchronized (appending) {
      List<AuditEntry> entries = new ArrayList<>(events.size());
      AuditEntry previous = store.last().orElse(null);
      for (AuditEvent event : events) {
        previous = AuditChain.next(previous, Objects.requireNonNull(event, "event"), clock.instant());
        entries.add(previous);
      }
      store.appendAll(entries);
      return entries;
    }
  }

  @Override
  public List<AuditEntry> read(long from, long to) {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("audit range must satisfy 1 <= from <= to, was [" + from + ", " + to + ")");
    }
    return store.read(from, to);
  }
}
