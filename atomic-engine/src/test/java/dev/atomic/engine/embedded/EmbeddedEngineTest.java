package dev.atomic.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.AtomicException;
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
import dev.atomic.engine.StepKinds;
import dev.atomic.engine.StepResult;
import dev.atomic.engine.journal.FileJournal;
import dev.atomic.engine.journal.InMemoryJournal;
import dev.atomic.engine.journal.Journal;
import dev.atomic.engine.journal.JournalEntry;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.task.Microtask;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmbeddedEngineTest {

  /** A generous safety net so that a broken engine fails the test instead of hanging it; no timing is asserted. */
  private static final long SAFETY_SECONDS = 30;

  private final Pipeline triage = Fixtures.pipeline("email-triage.yaml");
  private final ScriptedBidder bidder = Fixtures.bidder();
  private final Exchange exchange = Fixtures.exchange(bidder);

  @AfterEach
  void closeExchange() {
    exchange.close();
  }

  @Test
  void start_hamEmail_runsEveryStepAndFeedsOutputsForward() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange)) {
      RunResult result = engine.start(triage, Fixtures.ham()).result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(result.output("spam", SpamVerdict.class).spam()).isFalse();
      assertThat(result.output("summary", Summary.class).text()).isEqualTo("Can we move the");
      assertThat(result.output("reply", Reply.class).text())
          .isEqualTo("Re: Meeting on Monday: thanks, noted (Can we move the)");
      assertThat(result.output("tags", List.class)).hasSize(2);
      assertThat(result.step("tags").calls()).extracting(c -> c.key()).containsExactly("tags[0]", "tags[1]");
      assertThat(result.step("spam").calls().getFirst().servedBy()).isEqualTo("scripted");
      assertThat(result.costUsd()).isEqualTo(5 * 0.0001, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void start_checkThatRepairs_passesItsRepairsToTheExecutionWithTheConvertedValue() throws Exception {
    OutputCheck repairing = (task, answer) ->
        new OutputCheck.Verdict.Accept(Map.of("label", "short"), List.of("UNWRAPPED at $"));
    Pipeline tagging = Pipeline.builder("tagging", StepKinds.builder().type("Email", Email.class)
            .kind("text.tag", String.class, Tag.class, repairing).build())
        .request(Email.class)
        .step("tag", s -> s.kind("text.tag").input("${request.subject}"))
        .build();
    List<Execution> executions = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExchangeListener heard = new ExchangeListener() {
      @Override
      public void onExecution(Microtask task, Execution execution) {
        executions.add(execution);
      }
    };
    try (Exchange listened = Exchange.builder().seed(42).bidTimeout(Duration.ofSeconds(5)).bidder(bidder)
        .listener(heard).build();
        EmbeddedEngine engine = EmbeddedEngine.create(listened)) {
      RunResult result = engine.start(tagging, Fixtures.ham()).result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.output("tag", Tag.class)).isEqualTo(new Tag("short"));
      assertThat(executions).singleElement().satisfies(e -> {
        assertThat(e.output()).isEqualTo(new Tag("short"));
        assertThat(e.repairs()).containsExactly("UNWRAPPED at $");
      });
    }
  }

  @Test
  void start_spamEmail_skipsTheReply() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange)) {
      RunResult result = engine.start(triage, Fixtures.spam()).result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(result.step("reply").status()).isEqualTo(StepResult.Status.SKIPPED);
      assertThat(bidder.serves("email.reply")).isZero();
      assertThat(bidder.bids("email.reply")).isZero();
    }
  }

  @Test
  void start_withATenant_runsForThatTenantAndJournalsIt() throws Exception {
    Journal journal = new InMemoryJournal();
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.tenant("acme").journal(journal))) {
      engine.start(triage, Fixtures.ham(), "run-globex", "globex").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(bidder.lastTask("email.spam").tenant()).isEqualTo("globex");
      assertThat(journal.read("run-globex").getFirst())
          .isInstanceOfSatisfying(JournalEntry.RunStarted.class, s -> assertThat(s.tenant()).isEqualTo("globex"));
      assertThatThrownBy(() -> engine.start(triage, Fixtures.ham(), "run-blank", " "))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("runTenant must not be blank");
    }
  }

  @Test
  void start_step_mapsItsConstraintsAndDeadlineToTheMicrotask() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.tenant("acme"))) {
      Run run = engine.start(triage, Fixtures.ham(), "run-1");
      run.result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      Microtask spam = bidder.lastTask("email.spam");
      assertThat(spam.id()).isEqualTo("run-1:spam");
      assertThat(spam.tenant()).isEqualTo("acme");
      assertThat(spam.dataClasses()).isEqualTo(Set.of("pii.email"));
      assertThat(spam.constraints().maxCostUsd()).isEqualTo(0.01);
      assertThat(spam.constraints().latencySlo()).isEqualTo(Duration.ofSeconds(2));
      assertThat(spam.constraints().minQuality()).isEqualTo(0.5);
      assertThat(spam.constraints().deadline()).isNotNull();
      assertThat(spam.outputType()).isEqualTo(SpamVerdict.class);
      assertThat(spam.input()).isEqualTo(Fixtures.ham());
      assertThat(bidder.lastTask("text.summary").constraints().deadline()).isNull();
    }
  }

  @Test
  void start_independentSteps_runAtTheSameTime() throws Exception {
    // Each step waits inside its serve call until the other has started: only a parallel engine can finish this run.
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
    try (Exchange parallel = Fixtures.exchange(meeting); EmbeddedEngine engine = EmbeddedEngine.create(parallel)) {
      RunResult result = engine.start(triage, Fixtures.ham()).result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
    }
  }

  @Test
  void start_plannerStep_runsTheValidatedPlanAndFeedsALaterStep() throws Exception {
    Pipeline planned = Fixtures.pipeline("planned.yaml");
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange)) {
      RunResult result = engine.start(planned, Fixtures.ham()).result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(result.step("plan").output().get("sum").get("text").asText()).isEqualTo("Can we move");
      assertThat(result.step("plan").output().get("tag").get("label").asText()).isEqualTo("long");
      assertThat(result.step("plan").calls()).extracting(c -> c.key()).containsExactly("plan", "plan/sum", "plan/tag");
      assertThat(result.output("reply", Reply.class).text()).isEqualTo("Meeting on Monday: thanks, noted (Can we move)");
    }
  }

  @Test
  void start_planNamingAnUnknownKind_failsBeforeAnyPlannedTaskRuns() throws Exception {
    Pipeline planned = Fixtures.pipeline("planned.yaml");
    Email email = new Email("a@b.c", "bad plan please", "one two three four", List.of());
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange)) {
      RunResult result = engine.start(planned, email).result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
      assertThat(result.failure()).isEqualTo("planned.yaml:5: step 'plan': planned task 2 ('oops') has unknown kind"
          + " 'email.translate' (registered: email.reply, email.spam, task.plan, text.summary, text.tag)");
      assertThat(bidder.serves("text.summary")).isZero();
      assertThat(result.step("reply").status()).isEqualTo(StepResult.Status.NOT_RUN);
    }
  }

  @Test
  void start_stepThatFailsPermanently_failsItsRunWithTheCauseWhileOtherRunsCarryOn() throws Exception {
    // No minimum quality here: the failures lower the bidder's believed quality, and the good run must still award.
    Pipeline pipeline = Pipeline.builder("check", Fixtures.kinds()).request(Email.class)
        .step("spam", s -> s.kind("email.spam").input("${request}").retry(new RetryPolicy(2, Duration.ZERO)))
        .step("reply", s -> s.kind("email.reply")
            .input(Map.of("subject", "${request.subject}", "summary", "${request.body}")).after("spam"))
        .build();
    Email exploding = new Email("a@b.c", "hello", "this will explode", List.of("x"));
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange)) {
      Run bad = engine.start(pipeline, exploding);
      Run good = engine.start(pipeline, Fixtures.ham());

      RunResult failed = bad.result().get(SAFETY_SECONDS, TimeUnit.SECONDS);
      RunResult succeeded = good.result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(failed.status()).isEqualTo(RunResult.Status.FAILED);
      assertThat(failed.failure()).startsWith("step 'spam' failed (call spam): microtask " + bad.id()
              + ":spam (email.spam) failed after 1 attempt(s)")
          .contains("the spam model crashed on this e-mail");
      assertThat(failed.step("reply").status()).isEqualTo(StepResult.Status.NOT_RUN);
      assertThat(succeeded.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(succeeded.output("reply", Reply.class).text()).startsWith("Meeting on Monday");
      // The step allows two auctions: the failing e-mail was served twice, the good one once.
      assertThat(bidder.serves("email.spam")).isEqualTo(3);
    }
  }

  /** Journals for the crash test: the second engine gets the same in-memory journal, or a new file journal. */
  static Stream<Arguments> journals() {
    return Stream.of(
        Arguments.of("in memory", (Function<Path, Journal[]>) dir -> {
          Journal shared = new InMemoryJournal();
          return new Journal[] {shared, shared};
        }),
        Arguments.of("file, reopened as a new process would", (Function<Path, Journal[]>) dir ->
            new Journal[] {FileJournal.in(dir), FileJournal.in(dir)}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journals")
  void resume_afterTheEngineDiedMidRun_finishesWithoutServingFinishedStepsAgain(
      String name, Function<Path, Journal[]> journals, @TempDir Path dir) throws Exception {
    Journal[] pair = journals.apply(dir);
    bidder.hold("email.reply");
    EmbeddedEngine first = EmbeddedEngine.create(exchange, cfg -> cfg.journal(pair[0]));
    Run run = first.start(triage, Fixtures.ham(), "crash-1");
    bidder.awaitHeld();

    first.close(); // the crash: the reply is in flight, nothing more is written
    assertThatThrownBy(() -> run.result().get(SAFETY_SECONDS, TimeUnit.SECONDS))
        .hasCauseInstanceOf(AtomicException.class)
        .hasMessageContaining("run crash-1 of pipeline 'email-triage' was abandoned (the engine was closed)");
    bidder.release();
    assertThat(pair[1].read("crash-1")).filteredOn(JournalEntry.CallCompleted.class::isInstance).hasSize(4);

    try (Exchange restarted = Fixtures.exchange(bidder);
        EmbeddedEngine second = EmbeddedEngine.create(restarted, cfg -> cfg.journal(pair[1]))) {
      RunResult result = second.resume(triage, "crash-1").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(result.output("reply", Reply.class).text()).startsWith("Re: Meeting on Monday");
    }
    // Finished calls were neither auctioned nor served again; only the reply, in flight at the crash, was served twice.
    assertThat(bidder.serves("email.spam")).isEqualTo(1);
    assertThat(bidder.serves("text.summary")).isEqualTo(1);
    assertThat(bidder.serves("text.tag")).isEqualTo(2);
    assertThat(bidder.bids("email.spam")).isEqualTo(1);
    assertThat(bidder.serves("email.reply")).isEqualTo(2);
    assertThat(pair[1].read("crash-1").getLast()).isEqualTo(new JournalEntry.RunEnded("SUCCEEDED", null));
  }

  @Test
  void resume_finishedRun_returnsItsResultWithoutServingAnything() throws Exception {
    Journal journal = new InMemoryJournal();
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(journal))) {
      engine.start(triage, Fixtures.ham(), "done-1").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);
      int served = bidder.serves("email.spam");

      RunResult again = engine.resume(triage, "done-1").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(again.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(again.output("reply", Reply.class).text()).startsWith("Re: Meeting on Monday");
      assertThat(bidder.serves("email.spam")).isEqualTo(served);
      assertThat(journal.read("done-1")).filteredOn(JournalEntry.RunEnded.class::isInstance).hasSize(1);
    }
  }

  @Test
  void cancel_runInFlight_endsCancelledAndSaysSoInTheJournal() throws Exception {
    Journal journal = new InMemoryJournal();
    bidder.hold("email.reply");
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(journal))) {
      Run run = engine.start(triage, Fixtures.ham(), "cancel-1");
      bidder.awaitHeld();

      run.cancel();
      RunResult result = run.result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.CANCELLED);
      assertThat(result.step("reply").status()).isEqualTo(StepResult.Status.NOT_RUN);
      assertThat(journal.read("cancel-1").getLast()).isEqualTo(new JournalEntry.RunEnded("CANCELLED", "cancelled"));
    } finally {
      bidder.release();
    }
  }

  @Test
  void start_runDeadlineAlreadyPassed_failsTheRunWithTheDeadline() throws Exception {
    // The engine's clock is an hour behind the exchange's, so the run's one-minute deadline is already over.
    InstantSource anHourAgo = () -> Instant.now().minus(Duration.ofHours(1));
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange,
        cfg -> cfg.clock(anHourAgo).runTimeout(Duration.ofMinutes(1)))) {
      RunResult result = engine.start(triage, Fixtures.ham()).result().get(SAFETY_SECONDS, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
      assertThat(result.failure()).contains("is past its deadline");
      assertThat(bidder.serves("email.spam") + bidder.serves("text.summary")).isZero();
    }
  }

  @Test
  void start_badRequestOrReusedId_isRejectedAtOnce() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange)) {
      assertThatThrownBy(() -> engine.start(triage, Map.of("from", "x", "subject", List.of(1, 2))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the request does not fit pipeline 'email-triage''s request type");
      engine.start(triage, Fixtures.ham(), "same").result().get(SAFETY_SECONDS, TimeUnit.SECONDS);
      assertThatThrownBy(() -> engine.start(triage, Fixtures.ham(), "same"))
          .hasMessage("run same is in the journal already; resume it instead");
      assertThatThrownBy(() -> engine.resume(triage, "never"))
          .hasMessage("run never is not in the journal, so it cannot be resumed");
      assertThatThrownBy(() -> engine.resume(Fixtures.pipeline("planned.yaml"), "same"))
          .hasMessage("run same is a run of pipeline 'email-triage', not 'planned'");
    }
  }

  @Test
  void close_thenStart_isRejected() {
    EmbeddedEngine engine = EmbeddedEngine.create(exchange);
    engine.close();

    assertThatThrownBy(() -> engine.start(triage, Fixtures.ham())).hasMessage("the engine is closed");
  }

  @Test
  void await_failedRun_returnsTheResultRatherThanThrowing() {
    try (EmbeddedEngine engine = EmbeddedEngine.create(exchange)) {
      RunResult result = engine.start(triage, new Email("a", "b", "explode", List.of())).await();

      assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
      assertThatThrownBy(() -> result.output("reply", Reply.class))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("step 'reply' has no output: it is NOT_RUN");
    } catch (CompletionException e) {
      throw new AssertionError("a failed run must complete normally", e);
    }
  }
}
