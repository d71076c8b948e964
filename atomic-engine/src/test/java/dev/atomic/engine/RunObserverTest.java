package dev.atomic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.engine.Fixtures.Email;
import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.engine.journal.InMemoryJournal;
import dev.atomic.exchange.Exchange;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded engine tells its observer of each run, step and microtask, in order, before the run's result. */
class RunObserverTest {

  private static final long SAFETY_SECONDS = 30;

  private final ScriptedBidder bidder = Fixtures.bidder();
  private final Exchange exchange = Fixtures.exchange(bidder);
  /** Every event, as "what subject detail"; written from the run's thread and its call threads. */
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void closeExchange() {
    exchange.close();
  }

  /** Records each event; {@code serve} also records what was current when the work ran, through {@code tag}. */
  private RunObserver recording(String tag) {
    return (runId, pipeline, tenant, resumed) -> {
      events.add(tag + "run-started " + runId + " " + pipeline + " " + tenant + " resumed=" + resumed);
      return new RunObserver.RunWatch() {
        @Override
        public RunObserver.StepWatch stepStarted(String stepId) {
          events.add(tag + "step-started " + stepId);
          return new RunObserver.StepWatch() {
            @Override
            public <T> T serve(Microtask task, Supplier<T> work) {
              events.add(tag + "serve> " + stepId + " " + task.id());
              try {
                return work.get();
              } finally {
                events.add(tag + "serve< " + stepId + " " + task.id());
              }
            }

            @Override
            public void ended(StepResult result) {
              events.add(tag + "step-ended " + stepId + " " + result.status());
            }

            @Override
            public void failed(String why) {
              events.add(tag + "step-failed " + stepId + " " + why);
            }
          };
        }

        @Override
        public void ended(RunResult result) {
          events.add(tag + "run-ended " + result.status());
        }

        @Override
        public void abandoned(String why) {
          events.add(tag + "run-abandoned " + why);
        }
      };
    };
  }

  private List<String> of(String prefix) {
    synchronized (events) {
      return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }
  }

  @Test
  void runStarted_hamEmail_hearsEveryStepBetweenTheRunsStartAndEnd() throws Exception {
    Pipeline triage = Fixtures.pipeline("email-triage.yaml");
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.observer(recording("")))) {
      RunResult result = engine.start(triage, Fixtures.ham(), "obs-1").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      // The run's end is heard before its result completes, so nothing can come after it.
      assertThat(events.getFirst()).isEqualTo("run-started obs-1 email-triage default resumed=false");
      assertThat(events.getLast()).isEqualTo("run-ended SUCCEEDED");
      assertThat(of("step-started")).containsExactlyInAnyOrder(
          "step-started spam", "step-started summary", "step-started tags", "step-started reply");
      assertThat(of("serve>")).containsExactlyInAnyOrder("serve> spam obs-1:spam", "serve> summary obs-1:summary",
          "serve> tags obs-1:tags[0]", "serve> tags obs-1:tags[1]", "serve> reply obs-1:reply");
      for (String step : List.of("spam", "summary", "tags", "reply")) {
        int started = events.indexOf("step-started " + step);
        int ended = events.indexOf("step-ended " + step + " COMPLETED");
        assertThat(ended).as(step + " ended after it started").isGreaterThan(started);
        assertThat(events).filteredOn(e -> e.startsWith("serve< " + step + " "))
            .allSatisfy(e -> assertThat(events.indexOf(e)).as(e).isBetween(started, ended));
      }
    }
  }

  @Test
  void runStarted_stepFails_hearsTheStepFailAndTheRunFailWithoutLaterSteps() throws Exception {
    Pipeline pipeline = Pipeline.builder("check", Fixtures.kinds()).request(Email.class)
        .step("spam", s -> s.kind("email.spam").input("${request}").retry(new RetryPolicy(2, Duration.ZERO)))
        .step("reply", s -> s.kind("email.reply")
            .input(java.util.Map.of("subject", "${request.subject}", "summary", "${request.body}")).after("spam"))
        .build();
    Email exploding = new Email("a@b.c", "hello", "this will explode", List.of("x"));
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.observer(recording("")))) {
      RunResult result = engine.start(pipeline, exploding, "obs-2").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
      assertThat(of("serve>")).containsExactly("serve> spam obs-2:spam", "serve> spam obs-2:spam");
      assertThat(of("step-")).hasSize(2).first().isEqualTo("step-started spam");
      assertThat(of("step-").getLast()).startsWith("step-failed spam step 'spam' failed (call spam)")
          .contains("the spam model crashed on this e-mail");
      assertThat(events.getLast()).isEqualTo("run-ended FAILED");
    }
  }

  @Test
  void close_runInFlight_endsItsOpenStepUnfinishedAndHearsTheRunAbandoned() throws Exception {
    Pipeline triage = Fixtures.pipeline("email-triage.yaml");
    bidder.hold("email.reply");
    EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.observer(recording("")));
    var run = engine.start(triage, Fixtures.ham(), "obs-5");
    bidder.awaitHeld();

    engine.close();
    try {
      run.result().get(SAFETY_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException expected) {
      // abandoned, as the engine test checks; what matters here is what the observer heard before that
    } finally {
      bidder.release();
    }

    assertThat(of("step-ended reply")).containsExactly("step-ended reply NOT_RUN");
    assertThat(of("run-")).containsExactly("run-started obs-5 email-triage default resumed=false",
        "run-abandoned the engine was closed");
  }

  @Test
  void nested_outerServeWrapsInner_andInnerHearsEndsFirst() throws Exception {
    Pipeline one = Pipeline.builder("one", Fixtures.kinds()).request(Email.class)
        .step("spam", s -> s.kind("email.spam").input("${request}"))
        .build();
    RunObserver both = RunObserver.nested(recording("a:"), recording("b:"));
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.observer(both))) {
      engine.start(one, Fixtures.ham(), "obs-3").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(events).containsExactly(
        "a:run-started obs-3 one default resumed=false", "b:run-started obs-3 one default resumed=false",
        "a:step-started spam", "b:step-started spam",
        "a:serve> spam obs-3:spam", "b:serve> spam obs-3:spam", "b:serve< spam obs-3:spam", "a:serve< spam obs-3:spam",
        "b:step-ended spam COMPLETED", "a:step-ended spam COMPLETED",
        "b:run-ended SUCCEEDED", "a:run-ended SUCCEEDED");
  }

  @Test
  void callStarted_byDefault_watchesNothing() {
    RunObserver observer = (runId, pipeline, tenant, resumed) -> RunObserver.RunWatch.NONE;

    assertThat(observer.callStarted("r-1", "one", "acme", new StepCall("spam", "spam", "email.spam", "{}"),
        Map.of())).isSameAs(RunObserver.StepWatch.NONE);
    assertThat(RunObserver.RunWatch.NONE.context()).isEmpty();
  }

  @Test
  void nested_callStarted_outerServeWrapsInner_andInnerHearsTheEndFirst() {
    RunObserver both = RunObserver.nested(callRecording("a:"), callRecording("b:"));

    RunObserver.StepWatch watch = both.callStarted("r-1", "one", "acme",
        new StepCall("tags[1]", "tags", "text.tag", "{}"), Map.of("traceparent", "t"));
    String value = watch.serve(null, () -> {
      events.add("work");
      return "done";
    });
    watch.ended(new StepResult("tags", StepResult.Status.COMPLETED, null, List.of()));

    assertThat(value).isEqualTo("done");
    assertThat(events).containsExactly("a:call-started r-1 one acme tags[1] {traceparent=t}",
        "b:call-started r-1 one acme tags[1] {traceparent=t}",
        "a:serve>", "b:serve>", "work", "b:serve<", "a:serve<", "b:call-ended COMPLETED", "a:call-ended COMPLETED");
  }

  @Test
  void nested_context_holdsBothAndTheInnerValueWins() {
    RunObserver outer = (runId, pipeline, tenant, resumed) -> new RunObserver.RunWatch() {
      @Override
      public Map<String, String> context() {
        return Map.of("baggage", "tier=gold", "traceparent", "outer");
      }
    };
    RunObserver inner = (runId, pipeline, tenant, resumed) -> new RunObserver.RunWatch() {
      @Override
      public Map<String, String> context() {
        return Map.of("traceparent", "inner");
      }
    };

    Map<String, String> context = RunObserver.nested(outer, inner).runStarted("r-1", "one", "acme", false).context();

    assertThat(context).containsExactlyInAnyOrderEntriesOf(Map.of("baggage", "tier=gold", "traceparent", "inner"));
  }

  /** Records only the calls of runs it does not drive. */
  private RunObserver callRecording(String tag) {
    return new RunObserver() {
      @Override
      public RunWatch runStarted(String runId, String pipeline, String tenant, boolean resumed) {
        return RunWatch.NONE;
      }

      @Override
      public StepWatch callStarted(String runId, String pipeline, String tenant, StepCall call,
          Map<String, String> context) {
        events.add(tag + "call-started " + runId + " " + pipeline + " " + tenant + " " + call.key() + " " + context);
        return new StepWatch() {
          @Override
          public <T> T serve(Microtask task, Supplier<T> work) {
            events.add(tag + "serve>");
            try {
              return work.get();
            } finally {
              events.add(tag + "serve<");
            }
          }

          @Override
          public void ended(StepResult result) {
            events.add(tag + "call-ended " + result.status());
          }
        };
      }
    };
  }

  @Test
  void runStarted_resumedFinishedRun_isMarkedResumedAndHearsNoStep() throws Exception {
    Pipeline triage = Fixtures.pipeline("email-triage.yaml");
    InMemoryJournal journal = new InMemoryJournal();
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(journal)
        .observer(recording("")))) {
      engine.start(triage, Fixtures.ham(), "obs-4").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);
      events.clear();

      engine.resume(triage, "obs-4").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(events).containsExactly("run-started obs-4 email-triage default resumed=true", "run-ended SUCCEEDED");
  }
}
