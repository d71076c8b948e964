package dev.atomic.temporal;

/** The failure types Atomic puts on Temporal failures, so that callers and retry rules can tell them apart. */
final class Failures {

  /** The run failed; details hold its {@link RunRecord}. */
  static final String RUN_FAILED = "AtomicRunFailed";

  /** The step cannot succeed as written (bad input, bad plan); never retried. */
  static final String PIPELINE = "AtomicPipelineError";

  /** Every auction the step's retry policy allowed failed; never retried by Temporal, the step already retried. */
  static final String STEP_FAILED = "AtomicStepFailed";

  /** The worker stopped while serving; Temporal retries it on another worker. */
  static final String INTERRUPTED = "AtomicInterrupted";

  private Failures() {}
}
