package dev.atomic.temporal;

import dev.atomic.engine.JsonCodec;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineException;
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
 */
public final class TemporalEngine {

  private final WorkflowClient client;
  private final String taskQueue;
  private final String tenant;

  private TemporalEngine(WorkflowClient client, Config config) {
    this.client = client;
    this.taskQueue = config.taskQueue;
    this.tenant = config.tenant;
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
    WorkflowClient.start(workflow::run, new RunInput(pipeline.name(), requestJson, tenant));
    return attach(pipeline, runId);
  }

  /** The result of a run started earlier (by this process or another), when it ends. */
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
  }
}
