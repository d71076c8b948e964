package dev.atomic.store;

/**
 * One fact for the ledger, written by {@link Store#record}. Entries that refer to another (a step to its run, feedback
 * to its decision) must be recorded after it; the store writes entries in the order they were recorded.
 */
public sealed interface LedgerEntry
    permits RequestEntry, RunEntry, StepEntry, MicrotaskEntry, DecisionEntry, ExecutionEntry, OutputEntry,
        FeedbackEntry {

  /** A short description for error messages, naming the entry's kind and ids. */
  String describe();
}
