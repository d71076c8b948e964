package dev.atomic.engine.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A journal held in memory: survives an engine being closed, not the process. For tests and single-process use. */
public final class InMemoryJournal implements Journal {

  private final Map<String, List<JournalEntry>> runs = new ConcurrentHashMap<>();

  @Override
  public void append(String runId, JournalEntry entry) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(entry, "entry");
    List<JournalEntry> entries = runs.computeIfAbsent(runId, id -> new ArrayList<>());
    synchronized (entries) {
      entries.add(entry);
    }
  }

  @Override
  public List<JournalEntry> read(String runId) {
    List<JournalEntry> entries = runs.get(runId);
    if (entries == null) {
      return List.of();
    }
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }
}
