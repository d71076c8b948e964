package dev.atomic.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunObserver;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.StepCall;
import dev.atomic.engine.StepKinds;
import dev.atomic.engine.StepResult;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.Http;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.server.ServerConfig;
import dev.atomic.task.Microtask;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline runs over HTTP are traced as run, steps, and each step's microtask with its auction and model call. */
class RunTracingTest {

  record Doc(String text) {}

  static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("atomic.task_id");

  @TempDir
  static Path dir;

  static InMemorySpanExporter exporter;
  static Telemetry telemetry;
  static AtomicServer server;
  static Http http;

  @BeforeAll
  static void start() {
    // doc.count wants a number; the only bidder answers "invoice", so every answer is rejected and its step fails.
    StepKinds kinds = StepKinds.builder()
        .kind("doc.label", String.class, String.class)
        .kind("doc.count", String.class, Integer.class)
        .build();
    Pipeline labelTwice = Pipeline.builder("label-twice", kinds).request(Doc.class)
        .step("first", s -> s.kind("doc.label").input("${request.text}"))
        .step("second", s -> s.kind("doc.label").input("${request.text}").after("first"))
        .build();
    Pipeline countThenLabel = Pipeline.builder("count-then-label", kinds).request(Doc.class)
        .step("count", s -> s.kind("doc.count").input("${request.text}"))
        .step("label", s -> s.kind("doc.label").input("${request.text}").after("count"))
        .build();
    exporter = InMemorySpanExporter.create();
    telemetry = Telemetry.exportingTo(exporter, "atomic-test");
    server = AtomicServer.builder(ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("t.db").toString())
            .withSeed(4))
        .bidder(new ScriptedBidder("labeller", 0.9, 0.001, 10, "invoice"))
        .pipeline(labelTwice)
        .pipeline(countThenLabel)
        .telemetry(telemetry)
        .start();
    http = new Http(server.port(), server.store().apiKeys().issue("default").key());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every span in the trace of the run with this id; the run's spans end before its answer is sent. */
  private static List<SpanData> traceOf(String runId) {
    List<SpanData> all = exported();
    String traceId = all.stream()
        .filter(s -> runId.equals(s.getAttributes().get(RunTracing.RUN_ID)) && s.getName().startsWith("atomic.run "))
        .findFirst().orElseThrow(() -> new AssertionError("no run span for " + runId + " in " + all))
        .getTraceId();
    return all.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
  }

  private static List<SpanData> exported() {
    telemetry.flush();
    return exporter.getFinishedSpanItems();
  }

  private static SpanData one(List<SpanData> spans, String name) {
    List<SpanData> named = named(spans, name);
    assertThat(named).as("spans named %s in %s", name, spans).hasSize(1);
    return named.getFirst();
  }

  private static List<SpanData> named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).toList();
  }

  private static List<SpanData> childrenOf(List<SpanData> spans, SpanData parent) {
    return spans.stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
  }

  @Test
  void run_twoSteps_tracesTheRunItsStepsAndEachStepsMicrotaskAuctionAndCall() {
    Http.Reply done = http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"id\":\"trace-a\",\"request\":{\"text\":\"pay\"}}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);

    List<SpanData> trace = traceOf("trace-a");

    SpanData run = one(trace, "atomic.run label-twice");
    assertThat(run.getParentSpanContext().isValid()).as("the run is the trace's root").isFalse();
    assertThat(run.getAttributes().get(RunTracing.PIPELINE)).isEqualTo("label-twice");
    assertThat(run.getAttributes().get(RunTracing.TENANT)).isEqualTo("default");
    assertThat(run.getAttributes().get(RunTracing.RUN_STATUS)).isEqualTo("succeeded");
    assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(childrenOf(trace, run)).extracting(SpanData::getName)
        .containsExactlyInAnyOrder("atomic.step first", "atomic.step second");
    for (String stepId : List.of("first", "second")) {
      SpanData step = one(trace, "atomic.step " + stepId);
      assertThat(step.getAttributes().get(RunTracing.RUN_ID)).isEqualTo("trace-a");
      assertThat(step.getAttributes().get(RunTracing.STEP_ID)).isEqualTo(stepId);
      assertThat(step.getAttributes().get(RunTracing.STEP_STATUS)).isEqualTo("completed");
      SpanData microtask = childrenOf(trace, step).getFirst();
      assertThat(childrenOf(trace, step)).as("the step's children").hasSize(1);
      assertThat(microtask.getName()).isEqualTo("atomic.microtask doc.label");
      assertThat(microtask.getAttributes().get(TASK_ID)).isEqualTo("trace-a:" + stepId);
      assertThat(childrenOf(trace, microtask)).extracting(SpanData::getName)
          .containsExactlyInAnyOrder("atomic.auction", "atomic.call labeller");
    }
    // Nothing of the run escaped into a trace of its own: run, 2 steps, and 3 spans per step's microtask.
    assertThat(trace).hasSize(1 + 2 + 2 * 3);
    assertThat(exported()).filteredOn(s -> s.getName().startsWith("atomic.auction"))
        .filteredOn(s -> !s.getParentSpanContext().isValid()).as("orphan auctions").isEmpty();
  }

  @Test
  void run_failingStep_marksTheStepAndTheRunAsErrors() {
    Http.Reply done = http.post("/v1/runs",
        "{\"pipeline\":\"count-then-label\",\"id\":\"trace-f\",\"request\":{\"text\":\"pay\"}}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().path("status").asText()).isEqualTo("failed");

    List<SpanData> trace = traceOf("trace-f");

    SpanData run = one(trace, "atomic.run count-then-label");
    assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(run.getStatus().getDescription()).startsWith("step 'count' failed");
    assertThat(run.getAttributes().get(RunTracing.RUN_STATUS)).isEqualTo("failed");
    SpanData step = one(trace, "atomic.step count");
    assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId());
    assertThat(step.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(step.getAttributes().get(RunTracing.STEP_STATUS)).isEqualTo("failed");
    assertThat(named(trace, "atomic.step label")).as("the step after the failure never started").isEmpty();
    assertThat(childrenOf(trace, step)).isNotEmpty().allSatisfy(microtask -> {
      assertThat(microtask.getName()).isEqualTo("atomic.microtask doc.count");
      assertThat(microtask.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    });
  }

  @Test
  void abandoned_resumedRun_endsItsSpanMarkedResumedAndNotAsAnError() {
    InMemorySpanExporter own = InMemorySpanExporter.create();
    try (Telemetry on = Telemetry.exportingTo(own, "atomic-test")) {
      RunTracing tracing = new RunTracing(on, new ExchangeTracing(on, InstantSource.system()), InstantSource.system());
      RunObserver.RunWatch run = tracing.runStarted("r-9", "label-twice", "default", true);
      RunObserver.StepWatch step = run.stepStarted("first");
      step.ended(new StepResult("first", StepResult.Status.NOT_RUN, null, List.of()));
      run.abandoned("the engine was closed");
      on.flush();

      List<SpanData> spans = own.getFinishedSpanItems();
      SpanData runSpan = one(spans, "atomic.run label-twice");
      assertThat(runSpan.getAttributes().get(RunTracing.RESUMED)).isTrue();
      assertThat(runSpan.getAttributes().get(RunTracing.RUN_STATUS)).isEqualTo("abandoned");
      assertThat(runSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      SpanData stepSpan = one(spans, "atomic.step first");
      assertThat(stepSpan.getParentSpanId()).isEqualTo(runSpan.getSpanId());
      assertThat(stepSpan.getAttributes().get(RunTracing.STEP_STATUS)).isEqualTo("not_run");
    }
  }

  @Test
  void callStarted_withTheRunsCarriedContext_tracesTheCallUnderTheRunStartedInAnotherProcess() {
    InMemorySpanExporter starterSpans = InMemorySpanExporter.create();
    InMemorySpanExporter workerSpans = InMemorySpanExporter.create();
    try (Telemetry starter = Telemetry.exportingTo(starterSpans, "atomic-starter");
        Telemetry worker = Telemetry.exportingTo(workerSpans, "atomic-worker")) {
      RunObserver.RunWatch run = tracing(starter).runStarted("r-t", "label-twice", "acme", false);
      Map<String, String> carried = run.context();

      RunObserver.StepWatch call = tracing(worker).callStarted("r-t", "label-twice", "acme",
          new StepCall("first[1]", "first", "doc.label", "\"pay\""), carried);
      String answer = call.serve(Microtask.builder("doc.label").id("r-t:first[1]").tenant("acme").input("pay").build(),
          () -> "invoice");
      call.ended(new StepResult("first", StepResult.Status.COMPLETED, null, List.of()));
      run.ended(new RunResult("r-t", "label-twice", RunResult.Status.SUCCEEDED, Map.of(), null));
      starter.flush();
      worker.flush();

      assertThat(answer).isEqualTo("invoice");
      assertThat(carried).containsKey("traceparent");
      SpanData runSpan = one(starterSpans.getFinishedSpanItems(), "atomic.run label-twice");
      List<SpanData> served = workerSpans.getFinishedSpanItems();
      SpanData step = one(served, "atomic.step first");
      assertThat(step.getTraceId()).isEqualTo(runSpan.getTraceId());
      assertThat(step.getParentSpanId()).isEqualTo(runSpan.getSpanId());
      assertThat(step.getParentSpanContext().isRemote()).isTrue();
      assertThat(step.getAttributes().get(RunTracing.CALL)).isEqualTo("first[1]");
      assertThat(step.getAttributes().get(RunTracing.RUN_ID)).isEqualTo("r-t");
      assertThat(step.getAttributes().get(RunTracing.STEP_STATUS)).isEqualTo("completed");
      assertThat(one(served, "atomic.microtask doc.label").getParentSpanId()).isEqualTo(step.getSpanId());
    }
  }

  @Test
  void callStarted_nothingCarried_startsATraceOfItsOwnNamingTheRun() {
    InMemorySpanExporter own = InMemorySpanExporter.create();
    try (Telemetry on = Telemetry.exportingTo(own, "atomic-test")) {
      RunObserver.StepWatch call = tracing(on).callStarted("r-u", "label-twice", "acme",
          new StepCall("second", "second", "doc.label", "\"pay\""), Map.of());
      call.failed("every attempt failed");
      on.flush();

      SpanData step = one(own.getFinishedSpanItems(), "atomic.step second");
      assertThat(step.getParentSpanContext().isValid()).isFalse();
      assertThat(step.getAttributes().get(RunTracing.RUN_ID)).isEqualTo("r-u");
      assertThat(step.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }
  }

  private static RunTracing tracing(Telemetry telemetry) {
    return new RunTracing(telemetry, new ExchangeTracing(telemetry, InstantSource.system()), InstantSource.system());
  }

  @Test
  void off_watchesNothing() {
    try (Telemetry off = Telemetry.off()) {
      ExchangeTracing microtasks = new ExchangeTracing(off, InstantSource.system());
      RunTracing tracing = new RunTracing(off, microtasks, InstantSource.system());

      assertThat(tracing.runStarted("r", "p", "t", false)).isSameAs(RunObserver.RunWatch.NONE);
      assertThat(tracing.callStarted("r", "p", "t", new StepCall("s", "s", "k", "1"), Map.of()))
          .isSameAs(RunObserver.StepWatch.NONE);
    }
  }
}
