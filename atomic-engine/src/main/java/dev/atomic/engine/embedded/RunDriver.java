package dev.atomic.engine.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.AtomicException;
import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.ObserverCalls;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineException;
import dev.atomic.engine.RetryPolicy;
import dev.atomic.engine.RunObserver;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.RunState;
import dev.atomic.engine.StepCall;
import dev.atomic.engine.StepExecutor;
import dev.atomic.engine.StepResult;
import dev.atomic.engine.journal.Journal;
import dev.atomic.engine.journal.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Drives one run: asks the {@link RunState} for ready calls, serves each on its own virtual thread, and journals each
 * outcome before feeding it back. Only this thread touches the run state and writes the journal, so a run's journal
 * is written in order and a call's outcome is durable before anything depends on it.
 *
 * <p>The run's {@link RunObserver.RunWatch} hears of each step from this thread too: a step starts when it asks for its
 * first call, and ends when the run state has it completed, when its call fails, or when the run ends without it.
 */
final class RunDriver implements Runnable {

  /** What a call thread reports back. */
  private sealed interface Finished {
    StepCall call();
  }

  private record Served(StepCall call, CallOutcome outcome) implements Finished {}

  private record Failed(StepCall call, Exception cause) implements Finished {}

  private final Pipeline pipeline;
  private final Run run;
  private final JsonNode request;
  private final String tenant;
  private final Instant deadline;
  private final List<JournalEntry> history;
  private final Journal journal;
  private final StepExecutor executor;
  private final ExecutorService threads;
  private final InstantSource clock;
  private final BooleanSupplier engineClosed;
  private final RunObserver.RunWatch watch;
  /** The steps started and not yet ended, with what watches each; touched by this thread only. */
  private final Map<String, RunObserver.StepWatch> openSteps = new LinkedHashMap<>();
  private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
  private final Map<String, Future<?>> inFlight = new LinkedHashMap<>();

  RunDriver(Pipeline pipeline, Run run, JsonNode request, String tenant, Instant deadline, List<JournalEntry> history,
      Journal journal, StepExecutor executor, ExecutorService threads, InstantSource clock,
      BooleanSupplier engineClosed, RunObserver.RunWatch watch) {
    this.pipeline = pipeline;
    this.run = run;
    this.request = request;
    this.tenant = tenant;
    this.deadline = deadline;
    this.history = history;
    this.journal = journal;
    this.executor = executor;
    this.threads = threads;
    this.clock = clock;
    this.engineClosed = engineClosed;
    this.watch = watch;
  }

  @Override
  public void run() {
    run.drivenBy(Thread.currentThread());
    RunState state = new RunState(pipeline, request);
    boolean ended = false;
    for (JournalEntry entry : history) {
      switch (entry) {
        case JournalEntry.CallCompleted c -> state.completed(c.outcome());
        case JournalEntry.RunEnded e -> ended = e.status().equals(RunResult.Status.SUCCEEDED.name());
        case JournalEntry.RunStarted s -> { }
      }
    }
    try {
      RunResult result = drive(state, ended);
      run.future().complete(result);
    } catch (InterruptedException | RuntimeException e) {
      Thread.interrupted(); // clear it: writing the journal on an interrupted thread would close its channel
      stopAll();
      if (run.cancelRequested() && !engineClosed.getAsBoolean()) {
        end(state, RunResult.Status.CANCELLED, "cancelled");
      } else {
        String why = engineClosed.getAsBoolean() ? "the engine was closed" : String.valueOf(e);
        endOpenSteps(state);
        ObserverCalls.tell(run.id(), "abandoned", () -> watch.abandoned(why));
        run.future().completeExceptionally(new AtomicException("run " + run.id() + " of pipeline '" + pipeline.name()
            + "' was abandoned (" + why + ");"
            + " resume it from the journal", e));
      }
    }
  }

  private RunResult drive(RunState state, boolean alreadyEnded) throws InterruptedException {
    while (true) {
      List<StepCall> calls;
      try {
        calls = state.next();
      } catch (PipelineException e) {
        failStep(e.step(), e.getMessage());
        return fail(state, e.getMessage());
      }
      endCompletedSteps(state);
      for (StepCall call : calls) {
        RunObserver.StepWatch stepWatch = openSteps.computeIfAbsent(call.step(), this::startStep);
        try {
          inFlight.put(call.key(), threads.submit(() -> serve(call, stepWatch)));
        } catch (RejectedExecutionException e) {
          throw new InterruptedException("the engine is closed");
        }
      }
      if (state.finished()) {
        if (alreadyEnded) {
          RunResult result = state.result(run.id(), RunResult.Status.SUCCEEDED, null);
          ObserverCalls.tell(run.id(), "ended", () -> watch.ended(result));
          return result;
        }
        return end(state, RunResult.Status.SUCCEEDED, null);
      }
      if (inFlight.isEmpty()) {
        // Cannot happen with a checked pipeline; guarded so that a bug ends the run instead of hanging it.
        return fail(state, "run stalled: no call is in flight and no step is ready");
      }
      Finished next = awaitNext();
      if (next == null) {
        return fail(state, "run timed out at " + deadline + " while waiting for " + inFlight.keySet());
      }
      inFlight.remove(next.call().key());
      switch (next) {
        case Served s -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
          }
          journal.append(run.id(), new JournalEntry.CallCompleted(s.outcome()));
          state.completed(s.outcome());
        }
        case Failed f -> {
          if (run.cancelRequested() || engineClosed.getAsBoolean()) {
            throw new InterruptedException();
          }
          String why = "step '" + f.call().step() + "' failed (call " + f.call().key() + "): "
              + f.cause().getMessage();
          failStep(f.call().step(), why);
          return fail(state, why);
        }
      }
    }
  }

  private Finished awaitNext() throws InterruptedException {
    if (deadline == null) {
      return finished.take();
    }
    long left = Duration.between(clock.instant(), deadline).toNanos();
    return left <= 0 ? finished.poll() : finished.poll(left, TimeUnit.NANOSECONDS);
  }

  /** Serves one call, retrying a failed auction as its step's retry policy allows. Runs on its own thread. */
  private void serve(StepCall call, RunObserver.StepWatch stepWatch) {
    RetryPolicy retry = pipeline.step(call.step()).retry();
    Exception last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts() && !Thread.currentThread().isInterrupted(); attempt++) {
      try {
        finished.add(new Served(call, executor.execute(pipeline, run.id(), tenant, call, deadline, stepWatch)));
        return;
      } catch (PipelineException e) {
        last = e;
        break; // a bad input stays bad
      } catch (Exception e) {
        last = e;
        if (attempt < retry.maxAttempts() && !retry.backoff().isZero()) {
          try {
            Thread.sleep(retry.backoff());
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
    finished.add(new Failed(call, last != null ? last : new AtomicException("interrupted before serving " + call.key())));
  }

  private RunResult fail(RunState state, String why) {
    stopAll();
    return end(state, RunResult.Status.FAILED, why);
  }

  private RunResult end(RunState state, RunResult.Status status, String failure) {
    RunResult result = state.result(run.id(), status, failure);
    if (!engineClosed.getAsBoolean()) {
      journal.append(run.id(), new JournalEntry.RunEnded(status.name(), failure));
    }
    endOpenSteps(state);
    ObserverCalls.tell(run.id(), "ended", () -> watch.ended(result));
    run.future().complete(result);
    return result;
  }

  private RunObserver.StepWatch startStep(String stepId) {
    RunObserver.StepWatch started = ObserverCalls.ask(run.id(), "stepStarted", () -> watch.stepStarted(stepId));
    return started != null ? started : RunObserver.StepWatch.NONE;
  }

  /** Ends the open steps that the run state now has completed. */
  private void endCompletedSteps(RunState state) {
    var open = openSteps.entrySet().iterator();
    while (open.hasNext()) {
      var step = open.next();
      StepResult result = state.stepResult(step.getKey());
      if (result.status() != StepResult.Status.NOT_RUN) {
        open.remove();
        ObserverCalls.tell(run.id(), "ended", () -> step.getValue().ended(result));
      }
    }
  }

  /** Ends every open step as it stands: the run is ending without them. */
  private void endOpenSteps(RunState state) {
    endCompletedSteps(state);
    openSteps.forEach((id, stepWatch) ->
        ObserverCalls.tell(run.id(), "ended", () -> stepWatch.ended(state.stepResult(id))));
    openSteps.clear();
  }

  private void failStep(String stepId, String why) {
    RunObserver.StepWatch stepWatch = stepId == null ? null : openSteps.remove(stepId);
    if (stepWatch != null) {
      ObserverCalls.tell(run.id(), "failed", () -> stepWatch.failed(why));
    }
  }

  private void stopAll() {
    inFlight.values().forEach(f -> f.cancel(true));
    inFlight.clear();
  }
}
