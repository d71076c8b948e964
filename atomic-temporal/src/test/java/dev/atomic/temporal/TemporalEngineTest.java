package dev.atomic.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.engine.Fixtures;
import dev.atomic.engine.Fixtures.Email;
import dev.atomic.engine.Fixtures.Reply;
import dev.atomic.engine.Fixtures.SpamVerdict;
import dev.atomic.engine.Fixtures.Summary;
import dev.atomic.engine.Fixtures.Tag;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RetryPolicy;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.ScriptedBidder;
import dev.atomic.engine.StepResult;
import dev.atomic.exchange.Exchange;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded engine's pipelines and bidders, run as Temporal workflows in Temporal's in-memory test service. */
class TemporalEngineTest {

  private static final long SAFETY_SECONDS = 60;
  private static final String QUEUE = "atomic-test";

  private final Pipeline triage = Fixtures.pipeline("email-triage.yaml");
  private final Pipeline planned = Fixtures.pipeline("planned.yaml");
  private final Pipeline check = Pipeline.builder("check", Fixtures.kinds()).request(Email.class)
      .step("spam", s -> s.kind("email.spam").input("${request}").retry(new RetryPolicy(2, Duration.ZERO)))
      .step("reply", s -> s.kind("email.reply")
          .input(Map.of("subject", "${request.subject}", "summary", "${request.body}")).after("spam"))
      .build();
  private TestWorkflowEnvironment env;
  private Exchange exchange;

  private TemporalEngine engineFor(ScriptedBidder bidder) {
    env = TestWorkflowEnvironment.newInstance();
    exchange = Fixtures.exchange(bidder);
    Worker worker = env.newWorker(QUEUE);
    TemporalWorker.register(worker, exchange, List.of(triage, planned, check));
    env.start();
    return TemporalEngine.create(env.getWorkflowClient(), cfg -> cfg.taskQueue(QUEUE).tenant("acme"));
  }

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
    if (exchange != null) {
      exchange.close();
    }
  }

  @Test
  void start_hamEmail_runsEveryStepAsTheEmbeddedEngineDoes() throws Exception {
    ScriptedBidder bidder = Fixtures.bidder();
    TemporalEngine engine = engineFor(bidder);

    RunResult result = engine.start(triage, Fixtures.ham(), "ham-1").get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
    assertThat(result.runId()).isEqualTo("ham-1");
    assertThat(result.output("spam", SpamVerdict.class).spam()).isFalse();
    assertThat(result.output("summary", Summary.class).text()).isEqualTo("Can we move the");
    assertThat(result.output("reply", Reply.class).text())
        .isEqualTo("Re: Meeting on Monday: thanks, noted (Can we move the)");
    assertThat(result.step("tags").calls()).extracting(c -> c.key()).containsExactly("tags[0]", "tags[1]");
    assertThat(bidder.lastTask("email.spam").id()).isEqualTo("ham-1:spam");
    assertThat(bidder.lastTask("email.spam").tenant()).isEqualTo("acme");
    assertThat(bidder.lastTask("email.spam").constraints().maxCostUsd()).isEqualTo(0.01);
    assertThat(bidder.serves("email.spam")).isEqualTo(1);
  }

  @Test
  void start_spamEmail_skipsTheReply() throws Exception {
    ScriptedBidder bidder = Fixtures.bidder();
    TemporalEngine engine = engineFor(bidder);

    RunResult result = engine.start(triage, Fixtures.spam()).get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
    assertThat(result.step("reply").status()).isEqualTo(StepResult.Status.SKIPPED);
    assertThat(bidder.serves("email.reply")).isZero();
  }

  @Test
  void start_independentSteps_runAtTheSameTime() throws Exception {
    CountDownLatch spamStarted = new CountDownLatch(1);
    CountDownLatch summaryStarted = new CountDownLatch(1);
    ScriptedBidder meeting = new ScriptedBidder("meeting", Map.of(
        "email.spam", task -> {
          spamStarted.countDown();
          summaryStarted.await();
          return new SpamVerdict(false, 0.1);
        },
        "text.summary", task -> {
          summaryStarted.countDown();
          spamStarted.await();
          return new Summary("s");
        },
        "text.tag", task -> new Tag("t"),
        "email.reply", task -> new Reply("r")));
    TemporalEngine engine = engineFor(meeting);

    RunResult result = engine.start(triage, Fixtures.ham()).get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
  }

  @Test
  void start_plannerStep_runsTheValidatedPlan() throws Exception {
    ScriptedBidder bidder = Fixtures.bidder();
    TemporalEngine engine = engineFor(bidder);

    RunResult result = engine.start(planned, Fixtures.ham()).get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
    assertThat(result.step("plan").calls()).extracting(c -> c.key()).containsExactly("plan", "plan/sum", "plan/tag");
    assertThat(result.output("reply", Reply.class).text()).isEqualTo("Meeting on Monday: thanks, noted (Can we move)");
  }

  @Test
  void start_planNamingAnUnknownKind_failsBeforeAnyPlannedTaskRuns() throws Exception {
    ScriptedBidder bidder = Fixtures.bidder();
    TemporalEngine engine = engineFor(bidder);
    Email email = new Email("a@b.c", "bad plan please", "one two three four", List.of());

    RunResult result = engine.start(planned, email).get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
    assertThat(result.failure()).isEqualTo("planned.yaml:5: step 'plan': planned task 2 ('oops') has unknown kind"
        + " 'email.translate' (registered: email.reply, email.spam, task.plan, text.summary, text.tag)");
    assertThat(result.step("plan").calls()).extracting(c -> c.key()).containsExactly("plan");
    assertThat(bidder.serves("text.summary")).isZero();
  }

  @Test
  void start_stepThatFailsPermanently_failsItsRunWithTheCauseWhileOtherRunsCarryOn() throws Exception {
    ScriptedBidder bidder = Fixtures.bidder();
    TemporalEngine engine = engineFor(bidder);
    Email exploding = new Email("a@b.c", "hello", "this will explode", List.of("x"));

    var bad = engine.start(check, exploding, "bad-1");
    var good = engine.start(check, Fixtures.ham(), "good-1");
    RunResult failed = bad.get(SAFETY_SECONDS, TimeUnit.SECONDS);
    RunResult succeeded = good.get(SAFETY_SECONDS, TimeUnit.SECONDS);

    assertThat(failed.status()).isEqualTo(RunResult.Status.FAILED);
    assertThat(failed.failure()).startsWith("step 'spam' failed (call spam): microtask bad-1:spam (email.spam)"
        + " failed after 1 attempt(s)").contains("the spam model crashed on this e-mail");
    assertThat(failed.step("reply").status()).isEqualTo(StepResult.Status.NOT_RUN);
    assertThat(succeeded.status()).isEqualTo(RunResult.Status.SUCCEEDED);
    assertThat(bidder.serves("email.spam")).isEqualTo(3);
  }

  @Test
  void cancel_runInFlight_endsCancelled() throws Exception {
    ScriptedBidder bidder = Fixtures.bidder();
    TemporalEngine engine = engineFor(bidder);
    bidder.hold("email.reply");
    try {
      var run = engine.start(triage, Fixtures.ham(), "cancel-1");
      bidder.awaitHeld();

      engine.cancel("cancel-1");
      RunResult result = run.get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.CANCELLED);
    } finally {
      bidder.release();
    }
  }

  @Test
  void start_badRequest_isRejectedBeforeAnyWorkflowStarts() {
    TemporalEngine engine = engineFor(Fixtures.bidder());

    assertThatThrownBy(() -> engine.start(triage, Map.of("subject", List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the request does not fit pipeline 'email-triage''s request type");
  }
}
