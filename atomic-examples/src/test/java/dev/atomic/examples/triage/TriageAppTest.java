package dev.atomic.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.engine.RunResult;
import dev.atomic.functions.Result;
import dev.atomic.models.embed.MiniLmEmbedder;
import dev.atomic.temporal.TemporalEngine;
import dev.atomic.temporal.TemporalWorker;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole sample inbox through the real local models, with feedback on the messages a person reviewed. */
class TriageAppTest {

  private static MiniLmEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new MiniLmEmbedder();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void inbox_headsLearnFromFeedbackAndTakeOverFromTheRules() {
    List<Inbox.Message> inbox = Inbox.sample();
    assertThat(inbox).hasSizeGreaterThanOrEqualTo(200);
    TriageSummary summary = new TriageSummary(55);
    try (TriageApp app = TriageApp.create(embedder, 7)) {
      for (Inbox.Message m : inbox) {
        RunResult run = app.process(m.email());
        summary.add(m, run);
        if (m.feedback()) {
          app.teach(run, m.email(), m.spam(), m.category());
        }
      }
      System.out.println(summary.table());
      TriageSummary.Window first = summary.windows().getFirst();
      TriageSummary.Window last = summary.windows().getLast();
      assertThat(summary.failedRuns()).isZero();
      assertThat(last.headShare()).isGreaterThan(first.headShare());
      assertThat(last.categoryAccuracy()).isGreaterThanOrEqualTo(0.9);
      assertThat(last.spamAccuracy()).isGreaterThanOrEqualTo(0.9);

      Result<Spam> spam = app.functions().spam("Congratulations, you WON a free cruise!!! Click to claim your prize");
      assertThat(spam.value()).isEqualTo(Spam.SPAM);
      assertThat(app.functions().sentiment("Thank you so much, this is wonderful")).isEqualTo(Sentiment.POSITIVE);
    }
  }

  @Test
  void pipeline_spamGetsNoReplyAndIsDiscarded() {
    try (TriageApp app = TriageApp.create(embedder, 7)) {
      RunResult run = app.process(new Email("x", "promo@deals.example", "You are a WINNER!!!",
          "Congratulations! You have won a FREE cruise. Click here now to claim your prize"));
      assertThat(run.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(run.output("spam", Spam.class)).isEqualTo(Spam.SPAM);
      assertThat(run.step("reply").status()).isEqualTo(dev.atomic.engine.StepResult.Status.SKIPPED);
      assertThat(run.output("action", Action.class).type()).isEqualTo("discard");

      RunResult genuine = app.process(new Email("y", "ana@example.com", "Invoice INV-1 looks wrong",
          "Hello, the invoice charges me twice. Please refund. Ana"));
      assertThat(genuine.output("category", Category.class)).isEqualTo(Category.BILLING);
      assertThat(genuine.output("reply", ReplyDraft.class).body()).startsWith("Hello Ana,").contains("billing");
      assertThat(genuine.output("language", String.class)).isEqualTo("eng");
    }
  }

  @Test
  void pipeline_mailWithoutSenderOrSubject_isTriagedAndAnsweredGenerically() {
    try (TriageApp app = TriageApp.create(embedder, 7)) {
      RunResult run = app.process(new Email("z", null, null, "Hello, the invoice charges me twice. Please refund."));
      assertThat(run.status()).as(String.valueOf(run.failure())).isEqualTo(RunResult.Status.SUCCEEDED);
      ReplyDraft reply = run.output("reply", ReplyDraft.class);
      assertThat(reply.subject()).isEqualTo("Re: ");
      assertThat(reply.body()).startsWith("Hello there,");
    }
  }

  @Test
  void functions_correctionsTeachTheHeadsWhichThenServeTheFunction() {
    try (TriageApp app = TriageApp.create(embedder, 11)) {
      List<Inbox.Message> reviewed = Inbox.sample().stream().filter(m -> !m.email().body().isBlank()).limit(60).toList();
      for (Inbox.Message m : reviewed) {
        Result<Category> category = app.functions().category(m.email().subject() + "\n" + m.email().body());
        if (category.value() == m.category()) {
          category.feedback().accept();
        } else {
          category.feedback().correct(m.category());
        }
      }
      Result<Category> next = app.functions().category("Invoice INV-77 charges me twice, please refund");
      assertThat(next.decision().ranked()).extracting(dev.atomic.exchange.ScoredBid::arm)
          .contains("category-knn", "category-logistic");
      assertThat(app.adaptation().learned()).isEqualTo(reviewed.size());
      assertThat(next.value()).isEqualTo(Category.BILLING);
    }
  }

  @Test
  void pipeline_onTheTemporalEngine_answersAsOnTheEmbeddedEngine() throws Exception {
    List<Inbox.Message> inbox = Inbox.sample();
    List<Inbox.Message> messages = Stream.of(
        inbox.stream().filter(m -> m.spam() == Spam.SPAM).limit(4),
        inbox.stream().filter(m -> !m.language().equals("eng")).limit(3),
        inbox.stream().filter(m -> m.spam() == Spam.HAM).limit(6)).flatMap(s -> s).distinct().toList();
    try (TriageApp embedded = TriageApp.create(embedder, 7);
        TriageApp onTemporal = TriageApp.create(embedder, 7);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("triage");
      TemporalWorker.register(worker, onTemporal.exchange(), List.of(onTemporal.pipeline()));
      env.start();
      TemporalEngine temporal = TemporalEngine.create(env.getWorkflowClient(), cfg -> cfg.taskQueue("triage"));

      for (Inbox.Message m : messages) {
        RunResult local = embedded.process(m.email());
        RunResult remote = temporal.start(onTemporal.pipeline(), m.email(), "triage-" + m.email().id())
            .get(60, TimeUnit.SECONDS);
        assertThat(remote.status()).as(m.email().id()).isEqualTo(RunResult.Status.SUCCEEDED);
        for (String step : List.of("language", "spam", "category", "sentiment", "reply", "action")) {
          assertThat(remote.step(step).status()).as(m.email().id() + " " + step)
              .isEqualTo(local.step(step).status());
          assertThat(remote.step(step).output()).as(m.email().id() + " " + step)
              .isEqualTo(local.step(step).output());
        }
      }
    }
  }
}
