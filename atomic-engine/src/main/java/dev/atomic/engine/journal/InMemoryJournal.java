package dev.atomic.engine.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A journal held in memory: survives an engine being closed, not the process. For tests and single-process use.
 *
 * <p>It keeps every run in progress, but only the last {@link #DEFAULT_ENDED_RUNS} runs that ended (or as many as
 * given): a process that runs pipelines for ever would otherwise keep every run it ever finished. An ended run that was
 * forgotten reads as unknown, so it can no longer be resumed; a run that must stay resumable belongs in a
 * {@link FileJournal}.
 */
public final class InMemoryJournal implements Journal {

  /** Ended runs kept by default. */
  public static final int DEFAULT_ENDED_RUNS = 10_000;

  private final int endedRunsKept;
  private final Map<String, List<JournalEntry>> runs = new ConcurrentHashMap<>();
  private final ArrayDeque<String> ended = new ArrayDeque<>();

  /** A journal that keeps the last {@link #DEFAULT_ENDED_RUNS} ended runs. */
  public InMemoryJournal() {
    this(DEFAULT_ENDED_RUNS);
  }

  /** A journal that keeps the last {@code endedRunsKept} ended runs (and every run in progress). */
  public InMemoryJournal(int endedRunsKept) {
    if (endedRunsKept < 1) {
      throw new IllegalArgumentException("endedRunsKept must be at least 1, was " + endedRunsKept);
    }
    this.endedRunsKept = endedRunsKept;
  }

  @Override
  public void append(String runId, JournalEntry entry) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(entry, "entry");
    List<JournalEntry> entries = runs.computeIfAbsent(runId, id -> new ArrayList<>());
    synchronized (entries) {
      entries.add(entry);
    }
    if (entry instanceof JournalEntry.RunEnded) {
      forgetOldestEnded(runId);
    }
  }

  private void forgetOldestEnded(String runId) {
    synchronized (ended) {
      ended.addLast(runId);
      while (ended.size() > endedRunsKept) {
        runs.remove(ended.removeFirst());
      }
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
