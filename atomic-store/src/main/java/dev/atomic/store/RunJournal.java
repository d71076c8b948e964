package dev.atomic.store;

import java.util.SequencedMap;

/**
 * The pipeline engine's journal: each finished step's result, durable before {@link #appendStepResult} returns, so a
 * run resumed after a crash skips the steps it already did.
 */
public interface RunJournal {

  /**
   * Records a step's result; returns once it is committed. Appending the same result again is harmless; appending a
   * different one for a step already journaled is an error.
   *
   * @throws StoreException when the result is not JSON, the step has a different result already, or the write failed
   */
  void appendStepResult(String runId, String stepId, String resultJson);

  /** The journaled results of a run, step id to result JSON, in the order they were appended; empty when none. */
  SequencedMap<String, String> stepResults(String runId);
}
