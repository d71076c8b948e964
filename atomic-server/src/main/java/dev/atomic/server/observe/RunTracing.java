package dev.atomic.server.observe;

import dev.atomic.engine.RunObserver;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.StepCall;
import dev.atomic.engine.StepResult;
import dev.atomic.task.Microtask;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * OpenTelemetry spans for pipeline runs, as the engine's {@link RunObserver}: an {@code atomic.run <pipeline>} span
 * per run, an {@code atomic.step <step>} child per step, and under each step the {@code atomic.microtask} span of every
 * microtask it serves, made by {@link ExchangeTracing#traced} with its auction and model calls beneath.
 *
 * <p>The run span's parent is whatever context was current on the thread that started the run. The engine serves a
 * step's microtasks on threads of its own, so the step's context travels there by OpenTelemetry's own means: the step
 * span is stored in a {@link Context} made from the run's, and made current around each microtask, where the
 * exchange's listeners find it as {@link Span#current()}. A resumed run gets a new trace, marked
 * {@code atomic.resumed}: the one it started in is not kept across a restart.
 *
 * <p>On Temporal the process that starts a run is not the one that serves its calls: the run span stays where the run
 * started, its {@link RunWatch#context() context} travels with the run as W3C trace context, and each worker makes an
 * {@code atomic.step} span per call beneath it ({@link #callStarted}).
 */
public final class RunTracing implements RunObserver {

  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("atomic.run_id");
  static final AttributeKey<String> STEP_ID = AttributeKey.stringKey("atomic.step_id");
  static final AttributeKey<String> PIPELINE = AttributeKey.stringKey("atomic.pipeline");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("atomic.tenant");
  static final AttributeKey<Boolean> RESUMED = AttributeKey.booleanKey("atomic.resumed");
  static final AttributeKey<String> RUN_STATUS = AttributeKey.stringKey("atomic.run.status");
  static final AttributeKey<String> STEP_STATUS = AttributeKey.stringKey("atomic.step.status");
  static final AttributeKey<Double> COST = AttributeKey.doubleKey("atomic.cost.actual");
  static final AttributeKey<String> CALL = AttributeKey.stringKey("atomic.step.call");

  /** Reads a run's carried context (W3C {@code traceparent}, {@code tracestate}) back from its plain map. */
  private static final TextMapGetter<Map<String, String>> CARRIED = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;
  private final ExchangeTracing microtasks;
  private final InstantSource clock;
  private final boolean enabled;

  /** Spans from {@code telemetry}, timed by {@code clock}; each microtask's own spans come from {@code microtasks}. */
  public RunTracing(Telemetry telemetry, ExchangeTracing microtasks, InstantSource clock) {
    this.tracer = Objects.requireNonNull(telemetry, "telemetry").openTelemetry().getTracer("dev.atomic.server");
    this.microtasks = Objects.requireNonNull(microtasks, "microtasks");
    this.clock = Objects.requireNonNull(clock, "clock");
    // Tracing off: the engine gets the do-nothing watch, so a run costs no span builders and no context switches.
    this.enabled = telemetry.tracing();
  }

  @Override
  public RunWatch runStarted(String runId, String pipeline, String tenant, boolean resumed) {
    if (!enabled) {
      return RunWatch.NONE;
    }
    var builder = tracer.spanBuilder("atomic.run " + pipeline)
        .setStartTimestamp(now(), TimeUnit.NANOSECONDS)
        .setAttribute(RUN_ID, runId)
        .setAttribute(PIPELINE, pipeline)
        .setAttribute(TENANT, tenant);
    if (resumed) {
      builder.setAttribute(RESUMED, true);
    }
    Span run = builder.startSpan();
    return new TracedRun(runId, run, Context.current().with(run));
  }

  /**
   * A call served here of a run driven elsewhere (a Temporal worker's activity): an {@code atomic.step <step>} span
   * for this call alone ({@code atomic.step.call} names it: {@code step[2]} for a fan-out element), whose parent is the
   * run's span as carried in {@code context}, in whatever process started the run; a root span when nothing was
   * carried.
   */
  @Override
  public StepWatch callStarted(String runId, String pipeline, String tenant, StepCall call,
      Map<String, String> context) {
    if (!enabled) {
      return StepWatch.NONE;
    }
    Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), context, CARRIED);
    Span step = tracer.spanBuilder("atomic.step " + call.step())
        .setParent(parent)
        .setStartTimestamp(now(), TimeUnit.NANOSECONDS)
        .setAttribute(RUN_ID, runId)
        .setAttribute(STEP_ID, call.step())
        .setAttribute(CALL, call.key())
        .setAttribute(PIPELINE, pipeline)
        .setAttribute(TENANT, tenant)
        .startSpan();
    return new TracedStep(step, parent.with(step));
  }

  private long now() {
    Instant at = clock.instant();
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  private static String lower(Enum<?> status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** One run's span; its steps are parented on its context explicitly, since they start on the run's own thread. */
  private final class TracedRun implements RunWatch {

    private final String runId;
    private final Span span;
    private final Context context;

    TracedRun(String runId, Span span, Context context) {
      this.runId = runId;
      this.span = span;
      this.context = context;
    }

    /** The run span as W3C trace context, for a host that serves the run's calls in another process. */
    @Override
    public Map<String, String> context() {
      Map<String, String> carried = new HashMap<>();
      W3CTraceContextPropagator.getInstance().inject(context, carried, Map::put);
      return Map.copyOf(carried);
    }

    @Override
    public StepWatch stepStarted(String stepId) {
      Span step = tracer.spanBuilder("atomic.step " + stepId)
          .setParent(context)
          .setStartTimestamp(now(), TimeUnit.NANOSECONDS)
          .setAttribute(RUN_ID, runId)
          .setAttribute(STEP_ID, stepId)
          .startSpan();
      return new TracedStep(step, context.with(step));
    }

    @Override
    public void ended(RunResult result) {
      span.setAttribute(RUN_STATUS, lower(result.status()));
      span.setAttribute(COST, result.costUsd());
      if (result.status() == RunResult.Status.FAILED) {
        span.setStatus(StatusCode.ERROR, String.valueOf(result.failure()));
      }
      span.end(now(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void abandoned(String why) {
      // Not an error of the run's: it resumes from its journal, in a trace of its own.
      span.setAttribute(RUN_STATUS, "abandoned");
      span.addEvent("abandoned: " + why);
      span.end(now(), TimeUnit.NANOSECONDS);
    }
  }

  /** One step's span, made current on each thread that serves one of its microtasks. */
  private final class TracedStep implements StepWatch {

    private final Span span;
    private final Context context;

    TracedStep(Span span, Context context) {
      this.span = span;
      this.context = context;
    }

    @Override
    public <T> T serve(Microtask task, Supplier<T> work) {
      try (Scope ignored = context.makeCurrent()) {
        return microtasks.traced(task, work);
      }
    }

    @Override
    public void ended(StepResult result) {
      span.setAttribute(STEP_STATUS, lower(result.status()));
      span.setAttribute(COST, result.costUsd());
      span.end(now(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(String why) {
      span.setAttribute(STEP_STATUS, "failed");
      span.setStatus(StatusCode.ERROR, why);
      span.end(now(), TimeUnit.NANOSECONDS);
    }
  }
}
