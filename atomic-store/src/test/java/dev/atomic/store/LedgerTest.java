package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LedgerTest extends StoreFixture {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void run_hasItsStepsInOrderAndItsDecisions() {
    store.record(new RequestEntry("req-1", "acme", T0, "{\"text\": \"hello\"}"));
    store.record(new RunEntry("run-1", "req-1", "triage", "acme", "running", T0));
    store.record(new StepEntry("run-1", "classify", "running", null, "", T0.plusMillis(1)));
    store.record(new StepEntry("run-1", "answer", "running", null, "", T0.plusMillis(2)));
    store.record(new DecisionEntry(Decisions.won("d-1", "acme", "email.spam", "small", T0.toEpochMilli() + 3),
        "run-1", "classify"));
    store.record(new StepEntry("run-1", "classify", "succeeded", "task-d-1", "", T0.plusMillis(4)));
    store.record(new RunEntry("run-1", "req-1", "triage", "acme", "succeeded", T0.plusMillis(5)));
    store.flush().join();

    RunView run = store.ledger().run("run-1").orElseThrow();

    assertThat(run.status()).isEqualTo("succeeded");
    assertThat(run.requestId()).isEqualTo("req-1");
    assertThat(run.startedAt()).isEqualTo(T0);
    assertThat(run.updatedAt()).isEqualTo(T0.plusMillis(5));
    assertThat(run.steps()).extracting(StepView::stepId, StepView::status, StepView::taskId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("classify", "succeeded", "task-d-1"),
            org.assertj.core.groups.Tuple.tuple("answer", "running", null));
    assertThat(run.decisions()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("d-1");
      assertThat(d.stepId()).isEqualTo("classify");
      assertThat(d.winner()).isEqualTo("small");
      assertThat(d.margin()).isEqualTo(0.15);
    });
  }

  @Test
  void request_isReadBackWithItsPayload_andTheRunLinksToIt() {
    store.record(new RequestEntry("req-2", "acme", T0, "{\"pipeline\": \"triage\", \"request\": {\"text\": \"hi\"}}"));
    store.record(new RequestEntry("req-3", "acme", T0.plusMillis(1), null));
    store.record(new RunEntry("run-2", "req-2", "triage", "acme", "running", T0));
    store.record(new RunEntry("run-2", null, "triage", "acme", "succeeded", T0.plusMillis(2)));
    store.flush().join();

    RequestEntry request = store.ledger().request("req-2").orElseThrow();

    assertThat(request).extracting(RequestEntry::id, RequestEntry::tenant, RequestEntry::receivedAt)
        .containsExactly("req-2", "acme", T0);
    assertThat(Json.read("payload", request.payloadJson(), java.util.Map.class))
        .isEqualTo(java.util.Map.of("pipeline", "triage", "request", java.util.Map.of("text", "hi")));
    assertThat(store.ledger().request("req-3").orElseThrow().payloadJson()).isNull();
    // A later status of the run, written without the request, keeps the link.
    assertThat(store.ledger().run("run-2").orElseThrow().requestId()).isEqualTo("req-2");
  }

  @Test
  void run_unknownId_isEmpty() {
    assertThat(store.ledger().request("no-such-request")).isEmpty();
    assertThat(store.ledger().run("no-such-run")).isEmpty();
    assertThat(store.ledger().decision("no-such-decision")).isEmpty();
    assertThat(store.ledger().task("no-such-task")).isEmpty();
  }

  @Test
  void task_isReadBackWithItsInput() {
    Microtask task = Microtask.builder("email.spam").id("t-1").tenant("acme")
        .input(java.util.Map.of("subject", "win money", "body", "now")).build();
    store.record(new MicrotaskEntry(task, "run-1", "spam", T0));
    store.flush().join();

    TaskView view = store.ledger().task("t-1").orElseThrow();

    assertThat(view).extracting(TaskView::kind, TaskView::tenant, TaskView::runId, TaskView::stepId,
        TaskView::createdAt).containsExactly("email.spam", "acme", "run-1", "spam", T0);
    assertThat(Json.read("input", view.inputJson(), java.util.Map.class))
        .isEqualTo(java.util.Map.of("subject", "win money", "body", "now"));
  }

  @Test
  void decisions_filterByTenantKindWinnerAndTime() {
    long t = T0.toEpochMilli();
    store.record(DecisionEntry.of(Decisions.won("a1", "acme", "email.spam", "small", t)));
    store.record(DecisionEntry.of(Decisions.won("a2", "acme", "email.spam", "large", t + 10)));
    store.record(DecisionEntry.of(Decisions.won("a3", "acme", "intent", "small", t + 20)));
    store.record(DecisionEntry.of(Decisions.won("b1", "beta", "email.spam", "small", t + 30)));
    store.record(DecisionEntry.of(Decisions.unawarded("b2", "beta", t + 40)));
    store.flush().join();

    assertThat(ids(DecisionQuery.all())).containsExactly("b2", "b1", "a3", "a2", "a1");
    assertThat(ids(DecisionQuery.all().tenant("acme"))).containsExactly("a3", "a2", "a1");
    assertThat(ids(DecisionQuery.all().kind("email.spam"))).containsExactly("b2", "b1", "a2", "a1");
    assertThat(ids(DecisionQuery.all().winner("small"))).containsExactly("b1", "a3", "a1");
    assertThat(ids(DecisionQuery.all().tenant("acme").winner("small").kind("intent"))).containsExactly("a3");
    assertThat(ids(DecisionQuery.all().between(T0.plusMillis(10), T0.plusMillis(30)))).containsExactly("a3", "a2");
    assertThat(ids(DecisionQuery.all().tenant("nobody"))).isEmpty();
  }

  @Test
  void decisions_pagesNewestFirstUntilTheLast() {
    for (int i = 0; i < 7; i++) {
      store.record(DecisionEntry.of(Decisions.won("d" + i, "acme", "email.spam", "small", T0.toEpochMilli() + i)));
    }
    store.flush().join();

    Page<DecisionSummary> first = store.ledger().decisions(DecisionQuery.all().page(0, 3));
    Page<DecisionSummary> second = store.ledger().decisions(DecisionQuery.all().page(first.nextOffset(), 3));
    Page<DecisionSummary> last = store.ledger().decisions(DecisionQuery.all().page(second.nextOffset(), 3));

    assertThat(first.items()).extracting(DecisionSummary::id).containsExactly("d6", "d5", "d4");
    assertThat(first.hasMore()).isTrue();
    assertThat(second.items()).extracting(DecisionSummary::id).containsExactly("d3", "d2", "d1");
    assertThat(second.hasMore()).isTrue();
    assertThat(last.items()).extracting(DecisionSummary::id).containsExactly("d0");
    assertThat(last.hasMore()).isFalse();
    assertThat(last.offset()).isEqualTo(6);
  }

  @Test
  void award_attemptsKeepTheirModelAndTokens_andRecentAwardsToo() {
    long t = T0.toEpochMilli();
    store.record(DecisionEntry.of(Decisions.won("d1", "acme", "email.spam", "large", t)));
    store.record(new ExecutionEntry("d1", "small", 1300, 45, 0.013, 900, List.of("SINGLE_QUOTES at $ (char 1)"),
        List.of(new Attempt(1, "large", Attempt.Status.REJECTED, "INVALID", 0.01, 600,
                Usage.of("large-2025-01", 1200, 40)),
            new Attempt(2, "rules", Attempt.Status.FAILED, "threw", 0, 1, Usage.model("rules-v1")),
            new Attempt(3, "small", Attempt.Status.SUCCEEDED, "served", 0.003, 299, Usage.of("small", 100, 5)),
            new Attempt(4, "legacy", Attempt.Status.FAILED, "unknown", 0, 0)), T0));
    store.flush().join();

    ExecutionEntry read = store.ledger().award("d1").orElseThrow().execution();
    ExecutionEntry recent = store.ledger().recentAwards(5).getFirst().execution();

    for (ExecutionEntry e : List.of(read, recent)) {
      assertThat(e.inputTokens()).isEqualTo(1300);
      assertThat(e.outputTokens()).isEqualTo(45);
      assertThat(e.repairs()).containsExactly("SINGLE_QUOTES at $ (char 1)");
      assertThat(e.attempts()).extracting(Attempt::usage).containsExactly(Usage.of("large-2025-01", 1200, 40),
          Usage.model("rules-v1"), Usage.of("small", 100, 5), Usage.UNKNOWN);
    }
  }

  @Test
  void bidderStats_countBidsWinsSpendAndFeedbackPerArm() {
    long t = T0.toEpochMilli();
    // d1: small wins and serves, feedback 1. d2: large wins, fails, small serves (escalation), feedback 0.
    // d3: small wins, no execution recorded, feedback 0.5. d4 (other tenant): large wins, no feedback.
    store.record(DecisionEntry.of(Decisions.won("d1", "acme", "email.spam", "small", t)));
    store.record(DecisionEntry.of(Decisions.won("d2", "acme", "email.spam", "large", t + 1)));
    store.record(DecisionEntry.of(Decisions.won("d3", "acme", "email.spam", "small", t + 2)));
    store.record(DecisionEntry.of(Decisions.won("d4", "beta", "email.spam", "large", t + 3)));
    store.record(new ExecutionEntry("d1", "small", 100, 5, 0.002, 300, List.of(),
        List.of(new Attempt(1, "small", Attempt.Status.SUCCEEDED, "served", 0.002, 300)), T0));
    store.record(new ExecutionEntry("d2", "small", -1, -1, 0.013, 900, List.of("closed a brace"),
        List.of(new Attempt(1, "large", Attempt.Status.FAILED, "HTTP 500", 0.01, 600),
            new Attempt(2, "small", Attempt.Status.SUCCEEDED, "served", 0.003, 300)), T0));
    store.record(new FeedbackEntry("d1", Feedback.accepted(), "", T0));
    store.record(new FeedbackEntry("d2", Feedback.rejected(), "", T0));
    store.record(new FeedbackEntry("d3", Feedback.score(0.5), "", T0));
    store.flush().join();

    List<BidderStats> acme = store.ledger().bidderStats(DecisionQuery.all().tenant("acme"));

    assertThat(acme).extracting(BidderStats::arm).containsExactly("large", "runner-up", "small");
    BidderStats large = acme.get(0);
    assertThat(large.eligibleBids()).isEqualTo(1);
    assertThat(large.wins()).isEqualTo(1);
    assertThat(large.attempts()).isEqualTo(1);
    assertThat(large.spendUsd()).isCloseTo(0.01, within(1e-12));
    assertThat(large.feedbackCount()).isZero();
    assertThat(large.meanQuality()).isNaN();
    BidderStats runnerUp = acme.get(1);
    assertThat(runnerUp.eligibleBids()).isEqualTo(3);
    assertThat(runnerUp.wins()).isZero();
    BidderStats small = acme.get(2);
    assertThat(small.eligibleBids()).isEqualTo(2);
    assertThat(small.wins()).isEqualTo(2);
    assertThat(small.attempts()).isEqualTo(2);
    assertThat(small.spendUsd()).isCloseTo(0.005, within(1e-12));
    assertThat(small.feedbackCount()).isEqualTo(3);
    assertThat(small.meanQuality()).isCloseTo(0.5, within(1e-12));
    assertThat(small.successRate()).isCloseTo(2.0 / 3, within(1e-12));

    List<BidderStats> beta = store.ledger().bidderStats(DecisionQuery.all().tenant("beta"));
    assertThat(beta).extracting(BidderStats::arm, BidderStats::wins)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("large", 1L),
            org.assertj.core.groups.Tuple.tuple("runner-up", 0L));
  }

  @Test
  void decision_keepsEveryBidAndExclusion() {
    store.record(DecisionEntry.of(Decisions.won("d1", "acme", "email.spam", "small", 1))).join();

    var decision = store.ledger().decision("d1").orElseThrow();

    assertThat(decision.ranked()).extracting(b -> b.arm()).containsExactly("small", "runner-up");
    assertThat(decision.exclusions()).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("pii.email may not leave the premises"));
    assertThat(decision.explain()).contains("Awarded to small");
  }

  @Test
  void recentAwards_areWhatAwardReturns_oldestFirst_andKeepToTheLimit() {
    long t = T0.toEpochMilli();
    // Recorded out of time order, b1 and b2 at the same instant (ties go by id), three tenants.
    store.record(DecisionEntry.of(Decisions.won("c", "acme", "email.spam", "small", t + 20)));
    store.record(DecisionEntry.of(Decisions.won("a", "beta", "intent", "large", t)));
    store.record(DecisionEntry.of(Decisions.unawarded("e", "beta", t + 30)));
    store.record(DecisionEntry.of(Decisions.won("b2", "acme", "email.spam", "small", t + 10)));
    store.record(DecisionEntry.of(Decisions.won("b1", "gamma", "email.spam", "large", t + 10)));
    store.record(DecisionEntry.of(Decisions.won("d", "acme", "email.spam", "large", t + 25)));
    // a: served, with tokens, a repair, an output and feedback that has actuals.
    store.record(new ExecutionEntry("a", "large", 120, 7, 0.01, 500, List.of("closed a brace"),
        List.of(new Attempt(1, "large", Attempt.Status.SUCCEEDED, "served", 0.01, 500)), T0.plusMillis(1)));
    store.record(new OutputEntry("a", "{\"label\": \"spam\"}", T0.plusMillis(1)));
    store.record(new FeedbackEntry("a", Feedback.score(0.75).withActualCost(0.011, 520), "close enough",
        T0.plusMillis(2)));
    // b1: a failed award, every attempt failed, rejected.
    store.record(new ExecutionEntry("b1", null, -1, -1, 0.004, 900, List.of(),
        List.of(new Attempt(1, "large", Attempt.Status.FAILED, "HTTP 500", 0.003, 600),
            new Attempt(2, "runner-up", Attempt.Status.FAILED, "timeout", 0.001, 300)), T0.plusMillis(11)));
    store.record(new FeedbackEntry("b1", Feedback.rejected(), "", T0.plusMillis(12)));
    // b2: escalated (failed, then served), an output, no feedback yet.
    store.record(new ExecutionEntry("b2", "runner-up", 80, -1, 0.005, 700, List.of(),
        List.of(new Attempt(1, "small", Attempt.Status.FAILED, "HTTP 429", 0.002, 300),
            new Attempt(2, "runner-up", Attempt.Status.SUCCEEDED, "served", 0.003, 400)), T0.plusMillis(11)));
    store.record(new OutputEntry("b2", "[1, 2]", T0.plusMillis(11)));
    // c: feedback, no execution recorded. d: an execution only. e: unawarded, nothing more.
    store.record(new FeedbackEntry("c", Feedback.accepted(), "", T0.plusMillis(21)));
    store.record(new ExecutionEntry("d", "large", 10, 2, 0.002, 100, List.of(),
        List.of(new Attempt(1, "large", Attempt.Status.SUCCEEDED, "served", 0.002, 100)), T0.plusMillis(26)));
    store.flush().join();
    Ledger ledger = store.ledger();
    List<AwardView> expected = Stream.of("a", "b1", "b2", "c", "d", "e")
        .map(id -> ledger.award(id).orElseThrow()).toList();
    // The fixture has every shape it claims, so the comparison below compares something.
    assertThat(expected).extracting(a -> a.execution() != null, a -> a.outputJson() != null, a -> a.feedback() != null)
        .containsExactly(tuple(true, true, true), tuple(true, false, true), tuple(true, true, false),
            tuple(false, false, true), tuple(true, false, false), tuple(false, false, false));
    assertThat(expected.get(1).execution().succeeded()).isFalse();
    assertThat(expected.get(2).execution().attempts()).hasSize(2);
    assertThat(expected.get(5).decision().winner()).isNull();

    assertThat(ledger.recentAwards(100)).isEqualTo(expected);
    assertThat(ledger.recentAwards(6)).isEqualTo(expected);
    assertThat(ledger.recentAwards(4)).isEqualTo(expected.subList(2, 6));
    assertThat(ledger.recentAwards(1)).isEqualTo(expected.subList(5, 6));
  }

  @Test
  void recentAwards_readAttemptsOfMoreDecisionsThanOneQueryBinds() {
    int count = JdbcLedger.IDS_PER_QUERY + 30;
    for (int i = 0; i < count; i++) {
      String id = "d%04d".formatted(i);
      long at = T0.toEpochMilli() + i;
      store.record(DecisionEntry.of(Decisions.won(id, "tenant-" + i % 3, "email.spam", "small", at)));
      List<Attempt> attempts = new ArrayList<>();
      for (int n = 1; n <= 1 + i % 3; n++) {
        attempts.add(new Attempt(n, "small", n == 1 + i % 3 ? Attempt.Status.SUCCEEDED : Attempt.Status.FAILED,
            "try " + n, 0.001 * n, 10 * n));
      }
      store.record(new ExecutionEntry(id, "small", i, -1, 0.001, 10, List.of(), attempts, T0.plusMillis(i)));
      if (i % 2 == 0) {
        store.record(new FeedbackEntry(id, Feedback.score(i % 5 / 4.0), "", T0.plusMillis(i)));
      }
    }
    store.flush().join();
    Ledger ledger = store.ledger();
    List<AwardView> expected = IntStream.range(0, count)
        .mapToObj(i -> ledger.award("d%04d".formatted(i)).orElseThrow()).toList();

    assertThat(ledger.recentAwards(count)).isEqualTo(expected);
    assertThat(ledger.recentAwards(count - 1)).isEqualTo(expected.subList(1, count));
  }

  @Test
  void recentAwards_ofAnEmptyLedger_isEmpty_andTheLimitIsChecked() {
    assertThat(store.ledger().recentAwards(10)).isEmpty();
    assertThatThrownBy(() -> store.ledger().recentAwards(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private List<String> ids(DecisionQuery query) {
    return store.ledger().decisions(query).items().stream().map(DecisionSummary::id).toList();
  }
}
