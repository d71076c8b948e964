package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.store.DecisionEntry;
import dev.atomic.store.FeedbackEntry;
import dev.atomic.store.LedgerRecorder;
import dev.atomic.store.RunEntry;
import dev.atomic.store.StepEntry;
import dev.atomic.store.Store;
import dev.atomic.task.Microtask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecisionsCommandTest {

  @TempDir
  Path dir;

  static class Fixed implements Bidder {
    private final String id;
    private final double quality;
    private final double cost;

    Fixed(String id, double quality, double cost) {
      this.id = id;
      this.quality = quality;
      this.cost = cost;
    }

    @Override
    public String id() {
      return id;
    }

    // In-memory bids: asked on the caller's thread, so a loaded machine cannot make them late.
    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(Bid.of(quality, cost, Duration.ofMillis(10)));
    }

    @Override
    public Answer serve(Microtask task) {
      return Answer.of("ok", cost, Duration.ofMillis(10));
    }
  }

  private String run(int expectedExit, String... args) {
    DecisionsCommand command = new DecisionsCommand();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = command.out;
    int exit = new CommandLine(command).execute(args);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(expectedExit);
    return text;
  }

  @Test
  void decision_andRun_areExplainedFromTheLedger() throws Exception {
    Path db = dir.resolve("atomic.db");
    Decision decision;
    try (Exchange exchange = Exchange.builder().seed(1).bidder(new Fixed("cheap", 0.8, 0.001))
        .bidder(new Fixed("premium", 0.99, 0.02)).build();
        Store store = Store.open(c -> c.sqlite(db))) {
      decision = exchange.award(Microtask.builder("email.spam").build());
      Instant now = Instant.now();
      store.record(new RunEntry("run-7", null, "triage", "acme", "succeeded", now));
      store.record(new StepEntry("run-7", "classify", "succeeded", decision.taskId(), "", now));
      store.record(new DecisionEntry(decision, "run-7", "classify")).get();
    }
    String one = run(0, "--decision", decision.id(), "--db", db.toString());
    assertThat(one).contains("Decision " + decision.id()).contains("Awarded to " + decision.winner()).contains("lost:");
    String all = run(0, "--run", "run-7", "--db", db.toString());
    assertThat(all).contains("Run run-7 of pipeline triage").contains("classify").contains(decision.id());
    assertThat(run(1, "--decision", "nope", "--db", db.toString())).contains("no decision has id 'nope'");
  }

  @Test
  void decision_servedAndJudged_showsTheModelTokensRepairsOutputAndFeedback() throws Exception {
    Path db = dir.resolve("served.db");
    String decisionId;
    Bidder metered = new Fixed("cheap", 0.9, 0.001) {
      @Override
      public Answer serve(Microtask task) {
        return Answer.of("{\"label\":\"spam\",}", 0.001, Duration.ofMillis(12)).withUsage(
            Usage.of("gpt-test-1", 120, 8));
      }
    };
    try (Store store = Store.open(c -> c.sqlite(db));
        Exchange exchange = Exchange.builder().seed(1).bidder(metered).listener(LedgerRecorder.of(store)).build()) {
      Execution served = exchange.execute(Microtask.builder("email.spam").build(),
          (task, answer) -> new OutputCheck.Verdict.Accept("spam", List.of("TRAILING_COMMA at $ (char 16)")));
      decisionId = served.decision().id();
      store.record(new FeedbackEntry(decisionId, Feedback.accepted(), "checked by a reviewer", Instant.now()));
      store.flush().get();
    }

    String text = run(0, "--decision", decisionId, "--db", db.toString());

    assertThat(text).contains("Awarded to cheap")
        .contains("Served by cheap in 1 attempt(s): $0.001000")
        .contains(", 120 tokens in / 8 out")
        .contains("cheap (gpt-test-1)")
        .contains("Repairs: TRAILING_COMMA at $ (char 16)")
        .contains("Output: \"spam\"")
        .contains("Feedback: quality 1.000 (checked by a reviewer)");
  }

  @Test
  void missingLedger_isAClearError() {
    assertThat(run(2, "--run", "x", "--db", dir.resolve("absent.db").toString())).contains("no ledger at");
  }
}
