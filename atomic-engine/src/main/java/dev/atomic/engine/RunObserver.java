package dev.atomic.engine;

import dev.atomic.task.Microtask;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Watches the runs an engine drives, so that its host can trace and log them: each run and each step is reported as it
 * starts and ends, and each microtask a step serves passes through {@link StepWatch#serve} on the thread that serves
 * it. The server turns these into trace spans and log context; the engine knows nothing of either.
 *
 * <p>For one run the calls come in order: {@link #runStarted} on the thread that starts (or resumes) the run, so an
 * observer may parent the run on that thread's context; then, on the run's own thread, {@link RunWatch#stepStarted}
 * when a step asks for its first microtask, its watch's {@code ended} or {@code failed} when it is done, and last the
 * run's {@code ended} or {@code abandoned}, always before the run's result completes. Between a step's start and end,
 * {@link StepWatch#serve} runs once per microtask served (a fan-out's elements at the same time, on their own threads;
 * a retried call once per attempt). A step whose microtasks were all served before a resume is not reported again.
 *
 * <p>Observers must be quick. An exception from a notification is logged and ignored; {@code serve} must let the
 * work's own outcome, value or exception, through unchanged.
 */
public interface RunObserver {

  /** Watches nothing. */
  RunObserver NONE = (runId, pipeline, tenant, resumed) -> RunWatch.NONE;

  /** A run starts, or resumes from its journal after a stop or a crash; returns what watches it. */
  RunWatch runStarted(String runId, String pipeline, String tenant, boolean resumed);

  /**
   * One call of a run that this host serves but does not drive; returns what watches that call. A Temporal worker
   * serves each call in an activity and never sees its run whole (the run's start and end are reported where it was
   * started), so it reports each call as a step of its own: {@code serve} once per attempt, then {@code ended} with a
   * result that holds this call alone (for a step of one call, the step's own result), or {@code failed}. The calls
   * come on the thread that serves the call, once per delivery: a call Temporal delivers again after a worker died is
   * reported again. The embedded engine drives its runs and never calls this. Watches nothing unless overridden.
   *
   * @param context the run's {@link RunWatch#context()} where it was started, carried here with the run (empty when
   *     that host had none), so that the call can be placed under the run, in another process too
   */
  default StepWatch callStarted(String runId, String pipeline, String tenant, StepCall call,
      Map<String, String> context) {
    return StepWatch.NONE;
  }

  /**
   * Both observers: {@code outer}'s {@code serve} wraps {@code inner}'s, and {@code inner} hears of every end first.
   */
  static RunObserver nested(RunObserver outer, RunObserver inner) {
    return new NestedObserver(outer, inner);
  }

  /** Watches one run. */
  interface RunWatch {

    /** Watches nothing. */
    RunWatch NONE = new RunWatch() {};

    /**
     * What a host that serves this run's calls elsewhere is given with each call (see {@link #callStarted}), so that
     * it can place them under this run: plain strings, such as a W3C {@code traceparent}. Asked once, on the thread
     * that started the run, right after {@link #runStarted}; empty by default.
     */
    default Map<String, String> context() {
      return Map.of();
    }

    /** The step asks for its first microtask; returns what watches it. */
    default StepWatch stepStarted(String stepId) {
      return StepWatch.NONE;
    }

    /** The run ended: succeeded, failed (with {@link RunResult#failure()}) or cancelled. */
    default void ended(RunResult result) {}

    /** The run stopped without ending, because the engine closed under it; it stays resumable from its journal. */
    default void abandoned(String why) {}
  }

  /** Watches one step of a run. */
  interface StepWatch {

    /** Watches nothing. */
    StepWatch NONE = new StepWatch() {};

    /** Serves one of the step's microtasks: {@code work} auctions and serves {@code task}. */
    default <T> T serve(Microtask task, Supplier<T> work) {
      return work.get();
    }

    /** The step completed, or was left unfinished ({@link StepResult.Status#NOT_RUN}) when its run ended. */
    default void ended(StepResult result) {}

    /** The step failed, and its run fails with it. */
    default void failed(String why) {}
  }
}
