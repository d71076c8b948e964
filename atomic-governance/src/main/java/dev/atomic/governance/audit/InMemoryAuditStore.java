package dev.atomic.governance.audit;

import dev.atomic.AtomicException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps audit entries in a list; for tests, tools and single-process deployments without a database. */
final class InMemoryAuditStore implements AuditStore {

  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized Optional<AuditEntry> last() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast());
  }

  @Override
  public synchronized void append(AuditEntry entry) {
    long expected = entries.size() + 1L;
    if (entry.sequence() != expected) {
      throw new AtomicException("audit entry " + entry.sequence() + " cannot be appended: the next sequence is "
          + expected);
    }
    entries.add(entry);
  }

  @Override
  public synchronized List<AuditEntry> read(long from, long to) {
    int start = (int) Math.clamp(from - 1, 0, entries.size());
    int end = (int) Math.clamp(to - 1, start, entries.size());
    return List.copyOf(entries.subList(start, end));
  }
}
