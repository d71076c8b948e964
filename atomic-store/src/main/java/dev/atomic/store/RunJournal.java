package dev.atomic.store;

import java.util.List;
import java.util.SequencedMap;

/**
 * The pipeline engine's journal: per run, an append-only sequence of JSON entries, each durable before the call that
 * appends it returns, so a run resumed after a crash skips what it already did. An entry may hold the result of a named
 * step ({@link #appendStepResult}); a run has at most one result per step.
 */
public interface RunJournal {

  /**
   * Appends an entry to a run's journal; returns once it is committed.
   *
   * @throws StoreException when the entry is not JSON or the write failed
   */
  void append(String runId, String entryJson);

  /** Every entry of a run, oldest first, step results included; empty for an unknown run. */
  List<String> entries(String runId);

  /**
   * Appends the result of a step; returns once it is committed. Appending the same result again is harmless (a replay
   * after a crash between commit and acknowledgement); a different one for a step already journaled is an error.
   *
   * @throws StoreException when the result is not JSON, the step has a different result already, or the write failed
   */
  void appendStepResult(String runId, String stepId, String resultJson);

  /** The step results of a run, step id to result JSON, in the order they were appended; empty when none. */
  SequencedMap<String, String> stepResults(String runId);
}
