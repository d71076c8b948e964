package dev.atomic.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.engine.Fixtures;
import dev.atomic.engine.Fixtures.Email;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RetryPolicy;
import dev.atomic.engine.RunObserver;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.ScriptedBidder;
import dev.atomic.engine.StepCall;
import dev.atomic.engine.StepResult;
import dev.atomic.exchange.Exchange;
import dev.atomic.task.Microtask;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run on Temporal is reported once, though its workflow code replays: its start and end by the engine that started
 * it, each call by the worker's activity that served it, with the context the run's watch gave when it started.
 */
class TemporalObserverTest {

  private static final long SAFETY_SECONDS = 60;
  private static final String QUEUE = "atomic-observed";

  private final Pipeline check = Pipeline.builder("check", Fixtures.kinds()).request(Email.class)
      .step("spam", s -> s.kind("email.spam").input("${request}").retry(new RetryPolicy(2, Duration.ZERO)))
      .step("reply", s -> s.kind("email.reply")
          .input(Map.of("subject", "${request.subject}", "summary", "${request.body}")).after("spam"))
      .build();
  private final Pipeline triage = Fixtures.pipeline("email-triage.yaml");
  private final ScriptedBidder bidder = Fixtures.bidder();
  private final Exchange exchange = Fixtures.exchange(bidder);
  /** Every event, as "what subject detail"; written from the starting thread, activity threads and the client's. */
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private TestWorkflowEnvironment env;
  private TemporalEngine engine;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    TemporalWorker.register(worker, exchange, List.of(check, triage), cfg -> cfg.observer(recording()));
    env.start();
    engine = TemporalEngine.create(env.getWorkflowClient(), cfg -> cfg.taskQueue(QUEUE).tenant("acme")
        .observer(recording()));
  }

  @AfterEach
  void close() {
    env.close();
    exchange.close();
  }

  private RunObserver recording() {
    return new RunObserver() {
      @Override
      public RunWatch runStarted(String runId, String pipeline, String tenant, boolean resumed) {
        events.add("run-started " + runId + " " + pipeline + " " + tenant + " resumed=" + resumed);
        return new RunWatch() {
          @Override
          public Map<String, String> context() {
            return Map.of("traceparent", "from " + runId);
          }

          @Override
          public StepWatch stepStarted(String stepId) {
            events.add("step-started " + stepId);
            return StepWatch.NONE;
          }

          @Override
          public void ended(RunResult result) {
            events.add("run-ended " + result.status());
          }

          @Override
          public void abandoned(String why) {
            events.add("run-abandoned " + why);
          }
        };
      }

      @Override
      public StepWatch callStarted(String runId, String pipeline, String tenant, StepCall call,
          Map<String, String> context) {
        events.add("call-started " + runId + " " + pipeline + " " + tenant + " " + call.step() + " " + call.key() + " "
            + context);
        return new StepWatch() {
          @Override
          public <T> T serve(Microtask task, Supplier<T> work) {
            events.add("serve> " + call.key() + " " + task.id());
            try {
              return work.get();
            } finally {
              events.add("serve< " + call.key() + " " + task.id());
            }
          }

          @Override
          public void ended(StepResult result) {
            events.add("call-ended " + call.key() + " " + result.step() + " " + result.status() + " "
                + result.calls().size());
          }

          @Override
          public void failed(String why) {
            events.add("call-failed " + call.key() + " " + why);
          }
        };
      }
    };
  }

  private List<String> of(String prefix) {
    synchronized (events) {
      return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }
  }

  @Test
  void start_twoStepPipeline_reportsTheRunAndEachCallOnceAndInOrderThoughTheWorkflowReplays() throws Exception {
    RunResult result = engine.start(check, Fixtures.ham(), "obs-1").get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
    assertThat(events).containsExactly(
        "run-started obs-1 check acme resumed=false",
        "call-started obs-1 check acme spam spam {traceparent=from obs-1}", "serve> spam obs-1:spam", "serve< spam obs-1:spam",
        "call-ended spam spam COMPLETED 1",
        "call-started obs-1 check acme reply reply {traceparent=from obs-1}", "serve> reply obs-1:reply", "serve< reply obs-1:reply",
        "call-ended reply reply COMPLETED 1",
        "run-ended SUCCEEDED");
  }

  @Test
  void replay_finishedRun_reportsNothingAgain() throws Exception {
    engine.start(check, Fixtures.ham(), "obs-4").get(SAFETY_SECONDS, TimeUnit.SECONDS);
    List<String> heard = List.copyOf(events);

    // A worker that takes the run over replays its workflow code from the history, as this one does.
    try (TestWorkflowEnvironment other = TestWorkflowEnvironment.newInstance()) {
      Worker replaying = other.newWorker(QUEUE);
      TemporalWorker.register(replaying, exchange, List.of(check, triage), cfg -> cfg.observer(recording()));
      WorkflowReplayer.replayWorkflowExecution(env.getWorkflowClient().fetchHistory("obs-4"), replaying);
    }

    assertThat(heard).hasSize(10);
    assertThat(events).isEqualTo(heard);
    assertThat(bidder.serves("email.spam")).isEqualTo(1);
  }

  @Test
  void start_stepFailsEveryAttempt_reportsEachAttemptThenTheCallFailedThenTheRunFailed() throws Exception {
    Email exploding = new Email("a@b.c", "hello", "this will explode", List.of("x"));

    RunResult result = engine.start(check, exploding, "obs-2").get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
    assertThat(of("serve>")).containsExactly("serve> spam obs-2:spam", "serve> spam obs-2:spam");
    assertThat(of("call-")).hasSize(2).first()
        .isEqualTo("call-started obs-2 check acme spam spam {traceparent=from obs-2}");
    assertThat(of("call-").getLast()).startsWith("call-failed spam microtask obs-2:spam (email.spam)")
        .contains("the spam model crashed on this e-mail");
    assertThat(events.getFirst()).isEqualTo("run-started obs-2 check acme resumed=false");
    assertThat(events.getLast()).isEqualTo("run-ended FAILED");
  }

  @Test
  void start_fanOut_reportsEachElementAsACallOfItsStep() throws Exception {
    RunResult result = engine.start(triage, Fixtures.ham(), "obs-3").get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
    assertThat(of("call-ended")).containsExactlyInAnyOrder("call-ended spam spam COMPLETED 1",
        "call-ended summary summary COMPLETED 1", "call-ended tags[0] tags COMPLETED 1",
        "call-ended tags[1] tags COMPLETED 1", "call-ended reply reply COMPLETED 1");
    assertThat(of("step-started")).as("the starting side does not see steps").isEmpty();
    assertThat(events.getLast()).isEqualTo("run-ended SUCCEEDED");
  }
}
