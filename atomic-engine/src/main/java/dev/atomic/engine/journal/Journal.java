package dev.atomic.engine.journal;

import java.util.List;

/**
 * Where an engine records each run's progress, so that a run interrupted by a crash resumes where it stopped without
 * serving, or paying for, a finished call twice. Implementations must make an entry durable before
 * {@link #append} returns, and must be safe for concurrent use by different runs.
 */
public interface Journal {

  /** Appends an entry to a run's journal. */
  void append(String runId, JournalEntry entry);

  /** Every entry of a run, oldest first; empty for an unknown run. */
  List<JournalEntry> read(String runId);
}
