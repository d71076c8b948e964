package dev.atomic.temporal;

import dev.atomic.engine.JsonCodec;
import dev.atomic.engine.ObserverCalls;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineException;
import dev.atomic.engine.RunObserver;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.RunState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Starts pipeline runs on Temporal and turns their outcome into the same {@link RunResult} the embedded engine gives.
 * The workers (see {@link TemporalWorker}) do the work; this side only needs a {@link WorkflowClient}.
 *
 * {@snippet :
 * TemporalEngine engine = TemporalEngine.create(client, cfg -> cfg.taskQueue("atomic").tenant("acme"));
 * RunResult result = engine.start(triage, email, "mail-42").join();
 * }
 *
 * <p>A run started here is reported to the config's {@link RunObserver}: {@code runStarted} on the starting thread,
 * before the workflow starts, and the run's {@code ended} before its future completes. Its steps are not: the workers
 * serve them, and each worker reports the calls it serves to its own observer ({@link TemporalWorker.Config#observer}),
 * with the run watch's {@link RunObserver.RunWatch#context() context}, which travels in the workflow's input.
 */
public final class TemporalEngine {

  private final WorkflowClient client;
  private final String taskQueue;
  private final String tenant;
  private final RunObserver observer;

  private TemporalEngine(WorkflowClient client, Config config) {
    this.client = client;
    this.taskQueue = config.taskQueue;
    this.tenant = config.tenant;
    this.observer = config.observer;
  }

  public static TemporalEngine create(WorkflowClient client, Consumer<Config> configure) {
    Objects.requireNonNull(client, "client");
    Config config = new Config();
    configure.accept(config);
    return new TemporalEngine(client, config);
  }

  /** Starts a run with a fresh id. */
  public CompletableFuture<RunResult> start(Pipeline pipeline, Object request) {
    return start(pipeline, request, UUID.randomUUID().toString());
  }

  /**
   * Starts a run whose workflow id is {@code runId}; the future completes with the result, FAILED runs included.
   *
   * @throws IllegalArgumentException when the request does not fit the pipeline's request type
   */
  public CompletableFuture<RunResult> start(Pipeline pipeline, Object request, String runId) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(runId, "runId");
    JsonCodec codec = JsonCodec.standard();
    String requestJson = codec.write(request);
    try {
      codec.convert(codec.read(requestJson), pipeline.requestType());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the request does not fit pipeline '" + pipeline.name() + "''s request type "
          + pipeline.requestType().getTypeName() + ": " + e.getMessage(), e);
    }
    PipelineWorkflow workflow = client.newWorkflowStub(PipelineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(runId).build());
    RunObserver.RunWatch started = ObserverCalls.ask(runId, "runStarted",
        () -> observer.runStarted(runId, pipeline.name(), tenant, false));
    RunObserver.RunWatch watch = started != null ? started : RunObserver.RunWatch.NONE;
    Map<String, String> asked = ObserverCalls.ask(runId, "context", watch::context);
    Map<String, String> context = asked != null ? asked : Map.of();
    try {
      WorkflowClient.start(workflow::run, new RunInput(pipeline.name(), requestJson, tenant, context));
    } catch (RuntimeException e) {
      RunResult notStarted = new RunResult(runId, pipeline.name(), RunResult.Status.FAILED, Map.of(),
          "the workflow did not start: " + e.getMessage());
      ObserverCalls.tell(runId, "ended", () -> watch.ended(notStarted));
      throw e;
    }
    return attach(pipeline, runId).thenApply(result -> {
      ObserverCalls.tell(runId, "ended", () -> watch.ended(result));
      return result;
    });
  }

  /** The result of a run started earlier (by this process or another), when it ends; not reported to the observer. */
  public CompletableFuture<RunResult> attach(Pipeline pipeline, String runId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(runId);
    return stub.getResultAsync(RunRecord.class)
        .thenApply(record -> result(pipeline, runId, record, RunResult.Status.SUCCEEDED, null))
        .exceptionally(e -> failedResult(pipeline, runId, e));
  }

  /**
   * Asks Temporal to cancel a run: the workflow stops scheduling calls and ends CANCELLED. A call already being served
   * finishes on its worker (the exchange bounds it by the step's timeout), but its result is not used.
   */
  public void cancel(String runId) {
    client.newUntypedWorkflowStub(Objects.requireNonNull(runId, "runId")).cancel();
  }

  private static RunResult failedResult(Pipeline pipeline, String runId, Throwable e) {
    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (t instanceof WorkflowFailedException wf && wf.getCause() instanceof CanceledFailure) {
      return new RunResult(runId, pipeline.name(), RunResult.Status.CANCELLED, Map.of(), "cancelled");
    }
    if (t instanceof WorkflowFailedException wf && wf.getCause() instanceof ApplicationFailure af
        && Failures.RUN_FAILED.equals(af.getType())) {
      RunRecord record = af.getDetails().get(RunRecord.class);
      return result(pipeline, runId, record, RunResult.Status.FAILED, af.getOriginalMessage());
    }
    String why = t instanceof WorkflowFailedException wf && wf.getCause() instanceof TimeoutFailure timeout
        ? "the run timed out (" + timeout.getTimeoutType() + ")"
        : t instanceof WorkflowFailedException wf && wf.getCause() instanceof TemporalFailure tf
            ? tf.getOriginalMessage() : String.valueOf(t.getMessage());
    return new RunResult(runId, pipeline.name(), RunResult.Status.FAILED, Map.of(), why);
  }

  /** Rebuilds the result by running the same rules over the recorded calls. */
  private static RunResult result(Pipeline pipeline, String runId, RunRecord record, RunResult.Status status,
      String failure) {
    RunState state = new RunState(pipeline, JsonCodec.standard().read(record.requestJson()));
    record.calls().forEach(state::completed);
    try {
      state.next();
    } catch (PipelineException e) {
      // the run failed on exactly this; the failure message says so already
    }
    return state.result(runId, status, failure);
  }

  /** Client settings; each setter checks its value at once. */
  public static final class Config {
    private String taskQueue = "atomic";
    private String tenant = dev.atomic.task.Microtask.DEFAULT_TENANT;
    private RunObserver observer = RunObserver.NONE;

    private Config() {}

    /** The task queue the workers poll; default {@code atomic}. */
    public Config taskQueue(String queue) {
      Objects.requireNonNull(queue, "taskQueue");
      if (queue.isBlank()) {
        throw new IllegalArgumentException("taskQueue must not be blank");
      }
      this.taskQueue = queue;
      return this;
    }

    /** Who runs pay as. */
    public Config tenant(String tenant) {
      Objects.requireNonNull(tenant, "tenant");
      if (tenant.isBlank()) {
        throw new IllegalArgumentException("tenant must not be blank");
      }
      this.tenant = tenant;
      return this;
    }

    /** What hears of each run started here, its start and its end; default: nothing. */
    public Config observer(RunObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }
  }
}
