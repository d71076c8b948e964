package dev.atomic.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.AtomicException;
import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.StepResult;
import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.engine.embedded.Run;
import dev.atomic.store.LedgerEntry;
import dev.atomic.store.RequestEntry;
import dev.atomic.store.RunEntry;
import dev.atomic.store.RunLeases;
import dev.atomic.store.RunView;
import dev.atomic.store.StepEntry;
import dev.atomic.store.Store;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline runs started over the API, on the embedded engine: each run is written to the ledger when it starts and
 * again, with every step, when it ends. While a run is active its microtasks (ids {@code runId:callKey}, as the engine
 * names them) are recognised by {@link ActiveRuns}, so their decisions are recorded against the run and step.
 *
 * <p>The engine journals in the ledger ({@code EngineJournal}), so a run that a stop or a crash interrupted is resumed
 * without serving the calls it finished again. Each server holds a lease on the runs it runs ({@link RunLeases}),
 * renewed every {@link #RENEW_EVERY}; a stopping server releases its leases, a crashed one lets them lapse after
 * {@link #LEASE}, and any server on the database (the same one restarted, or another) then claims and resumes the run,
 * only one of them.
 */
public final class Runs {

  private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

  /** How many interrupted runs one scan resumes; more stay claimable for the next scan. */
  private static final int MAX_RESUMED = 10_000;

  /** How long a lease on a run lasts without renewal: a crashed server's runs are resumed after at most this. */
  public static final Duration LEASE = Duration.ofSeconds(60);

  /** How often a server renews its leases and looks for runs whose server is gone. */
  public static final Duration RENEW_EVERY = Duration.ofSeconds(15);

  /** A finished run as the API shows it. */
  record RunResultView(String runId, String pipeline, String status, String failure, double costUsd,
      Map<String, StepView> steps) {}

  record StepView(String status, JsonNode output, List<CallOutcome> calls) {}

  private final EmbeddedEngine engine;
  private final Map<String, Pipeline> pipelines;
  private final Store store;
  private final InstantSource clock;
  private final ActiveRuns active;
  private volatile boolean stopping;
  private final String owner = "server-" + UUID.randomUUID();
  private final RunLeases leases;

  public Runs(EmbeddedEngine engine, List<Pipeline> pipelines, ActiveRuns active, Store store, InstantSource clock) {
    this.active = Objects.requireNonNull(active, "active");
    this.engine = Objects.requireNonNull(engine, "engine");
    Map<String, Pipeline> byName = new LinkedHashMap<>();
    for (Pipeline p : pipelines) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException("two pipelines are named '" + p.name() + "'");
      }
    }
    this.pipelines = Map.copyOf(byName);
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.leases = store.runLeases();
  }

  public List<String> pipelineNames() {
    return List.copyOf(pipelines.keySet());
  }

  /**
   * Starts a run of the named pipeline; the request it serves ({@code payloadJson}, the caller's body, or {@code null}
   * when not kept) and the run are written to the ledger before the first step can be.
   */
  Run start(String pipelineName, Object request, String runId, String tenant, String payloadJson) {
    Pipeline pipeline = pipelines.get(pipelineName);
    if (pipeline == null) {
      throw new ApiError(404, "not_found", "no pipeline is named '" + pipelineName + "'; known: "
          + pipelines.keySet());
    }
    String id = runId != null ? runId : java.util.UUID.randomUUID().toString();
    if (id.isBlank() || id.length() > 200 || id.contains(":")) {
      throw ApiError.badRequest("invalid_request", "a run id must be 1 to 200 characters without ':'");
    }
    if (!active.add(id)) {
      throw new ApiError(409, "duplicate_id", "run '" + id + "' is running already");
    }
    String requestId = UUID.randomUUID().toString();
    record(new RequestEntry(requestId, tenant, clock.instant(), payloadJson));
    record(new RunEntry(id, requestId, pipeline.name(), tenant, "running", clock.instant()));
    if (!leases.claim(id, owner, clock.instant().plus(LEASE))) {
      LOG.warn("run {} could not be leased by this server; another may resume it if this one stops", id);
    }
    Run run;
    try {
      run = engine.start(pipeline, request, id, tenant);
    } catch (RuntimeException e) {
      active.remove(id);
      record(new RunEntry(id, null, pipeline.name(), tenant, "rejected", clock.instant()));
      throw e;
    }
    run.result().whenComplete((result, failure) -> finish(pipeline, id, tenant, result, failure));
    return run;
  }

  /**
   * Resumes the runs of this server's pipelines that the ledger still has as running: a stop or crash interrupted them.
   * Each goes on from its journal; one that cannot (it never reached the journal) is recorded as abandoned. Runs of
   * pipelines this server does not have are left to a server that has them.
   *
   * @return how many runs were resumed
   */
  public int resumeInterrupted() {
    int resumed = 0;
    for (String id : leases.claimable(clock.instant(), pipelines.keySet(), MAX_RESUMED)) {
      if (stopping || active.contains(id) || !leases.claim(id, owner, clock.instant().plus(LEASE))) {
        continue; // another server was quicker, or this one is on its way out
      }
      RunView view = store.ledger().run(id).orElse(null);
      if (view == null || !active.add(id)) {
        continue;
      }
      Pipeline pipeline = pipelines.get(view.pipeline());
      try {
        Run run = engine.resume(pipeline, id);
        run.result().whenComplete((result, failure) -> finish(pipeline, id, view.tenant(), result, failure));
        resumed++;
        LOG.info("resuming run {} of pipeline {} from its journal", id, view.pipeline());
      } catch (AtomicException e) {
        active.remove(id);
        record(new RunEntry(id, view.requestId(), view.pipeline(), view.tenant(), "abandoned", clock.instant()));
        LOG.warn("run {} was interrupted and cannot be resumed: {}", id, e.getMessage());
      }
    }
    return resumed;
  }

  /**
   * Renews this server's leases, then claims and resumes the runs whose server is gone. The server calls it every
   * {@link #RENEW_EVERY}.
   */
  public void maintainLeases() {
    if (stopping) {
      return;
    }
    try {
      leases.renew(owner, clock.instant().plus(LEASE));
      resumeInterrupted();
    } catch (RuntimeException e) {
      LOG.warn("run leases could not be renewed or scanned: {}", e.getMessage());
    }
  }

  /** Called before the engine closes: the runs it interrupts stay running in the ledger, to resume at the next start. */
  public void stopping() {
    stopping = true;
  }

  /** Called after the engine closed: gives up this server's leases, so the next server resumes its runs at once. */
  public void stopped() {
    try {
      leases.release(owner);
    } catch (RuntimeException e) {
      LOG.warn("run leases could not be released (the runs resume once they lapse): {}", e.getMessage());
    }
  }

  private void finish(Pipeline pipeline, String runId, String tenant, RunResult result, Throwable failure) {
    try {
      if (result == null && stopping) {
        // Left as running in the ledger, with its journal: the next start resumes it.
        LOG.info("run {} was interrupted by the server stopping; it resumes at the next start", runId);
        return;
      }
      if (result == null) {
        record(new RunEntry(runId, null, pipeline.name(), tenant, "abandoned", clock.instant()));
        LOG.warn("run {} was abandoned: {}", runId, failure == null ? "no result" : failure.getMessage());
        return;
      }
      for (StepResult step : result.steps().values()) {
        String taskId = step.calls().isEmpty() ? null : runId + ":" + step.calls().getFirst().key();
        record(new StepEntry(runId, step.step(), lower(step.status().name()), taskId, "", clock.instant()));
      }
      record(new RunEntry(runId, null, pipeline.name(), tenant, lower(result.status().name()),
          clock.instant()));
    } finally {
      active.remove(runId);
    }
  }

  static RunResultView view(RunResult r) {
    Map<String, StepView> steps = new LinkedHashMap<>();
    r.steps().forEach((id, s) -> steps.put(id, new StepView(lower(s.status().name()), s.output(), s.calls())));
    return new RunResultView(r.runId(), r.pipeline(), lower(r.status().name()), r.failure(), r.costUsd(), steps);
  }

  private void record(LedgerEntry entry) {
    store.record(entry).whenComplete((ok, e) -> {
      if (e != null) {
        LOG.warn("{} was not written to the ledger: {}", entry.describe(), e.getMessage());
      }
    });
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
