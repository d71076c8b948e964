package dev.atomic.output.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Usage;
import dev.atomic.estimate.Estimate;
import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Utility;
import dev.atomic.output.OutputCatalog;
import dev.atomic.output.Parsed;
import dev.atomic.task.Features;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReaskingBidderTest {

  enum Label { HAM, SPAM }

  record Verdict(Label label, double confidence) {}

  private static final String GOOD = "{\"label\": \"SPAM\", \"confidence\": 0.9}";
  private static final String BAD = "{\"label\": \"maybe\", \"confidence\": \"very\"}";

  private final OutputCatalog outputs = OutputCatalog.withDefaults();
  private final Microtask task = Microtask.builder("email.spam").id("t-1").outputType(Verdict.class).build();

  /** A scripted text model: answers with its script, one line per call, and remembers the re-asks it got. */
  static final class ScriptedModel implements Reaskable {
    final String id;
    final Deque<String> script;
    final double quality;
    final double cost;
    final List<Reask> reasks = new ArrayList<>();

    ScriptedModel(String id, double quality, double cost, String... outputs) {
      this.id = id;
      this.quality = quality;
      this.cost = cost;
      this.script = new ArrayDeque<>(List.of(outputs));
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(Bid.of(quality, cost, Duration.ofMillis(100)));
    }

    @Override
    public Answer serve(Microtask task) {
      return Answer.of(next(), cost, Duration.ofMillis(100)).withUsage(Usage.of(id + "-model", 10, 5));
    }

    @Override
    public Answer reask(Microtask task, Reask reask) {
      reasks.add(reask);
      return Answer.of(next(), cost, Duration.ofMillis(100)).withUsage(Usage.of(id + "-model", 10, 5));
    }

    private String next() {
      return script.size() > 1 ? script.poll() : script.peek();
    }
  }

  @Test
  void serve_badThenGood_reasksWithTheProblemsAndAddsUpTheCostAndTokens() throws Exception {
    ScriptedModel model = new ScriptedModel("cheap", 0.9, 0.001, BAD, GOOD);
    ReaskingBidder bidder = ReaskingBidder.wrap(model, outputs, 2);
    Answer a = bidder.serve(task);
    assertThat(a.output()).isInstanceOfSatisfying(Parsed.class,
        p -> assertThat(p.value()).isEqualTo(new Verdict(Label.SPAM, 0.9)));
    assertThat(a.costUsd()).isEqualTo(0.002);
    assertThat(a.latency()).isEqualTo(Duration.ofMillis(200));
    assertThat(a.usage()).isEqualTo(Usage.of("cheap-model", 20, 10));
    Reask reask = model.reasks.getFirst();
    assertThat(reask.attempt()).isEqualTo(1);
    assertThat(reask.previousOutput()).isEqualTo(BAD);
    assertThat(reask.problems()).contains("$.confidence").contains("\"very\"");
    assertThat(reask.prompt()).contains("label: \"HAM\" | \"SPAM\"");
  }

  @Test
  void bid_afterReasks_costAndLatencyInflatedByTheLearnedRate() throws Exception {
    ScriptedModel model = new ScriptedModel("cheap", 0.9, 0.001, BAD, GOOD, GOOD);
    ReaskingBidder bidder = ReaskingBidder.wrap(model, outputs, 2);
    assertThat(bidder.bid(task).orElseThrow().costUsd()).isEqualTo(0.001);
    bidder.serve(task); // one re-ask
    bidder.serve(task); // none
    assertThat(bidder.reaskRate(Verdict.class)).isEqualTo(0.5);
    Bid inflated = bidder.bid(task).orElseThrow();
    assertThat(inflated.costUsd()).isEqualTo(0.0015);
    assertThat(inflated.latency()).isEqualTo(Duration.ofMillis(150));
    assertThat(inflated.rationale()).contains("×1.50");
  }

  @Test
  void execute_modelThatNeverFixesItsOutput_escalatesAndIsLearnedAsFailure() {
    ScriptedModel never = new ScriptedModel("cheap", 0.95, 0.001, BAD);
    ScriptedModel good = new ScriptedModel("strong", 0.6, 0.01, GOOD);
    // a narrow prior keeps exploration from overturning the claims: the cheap, confident bidder wins the auction
    try (Exchange exchange = Exchange.builder().seed(7).utility(Utility.of(10, 0))
        .estimator(new EstimatorConfig(0, 0.01, 0, 1.0))
        .bidder(ReaskingBidder.wrap(never, outputs, 2))
        .bidder(ReaskingBidder.wrap(good, outputs, 2))
        .build()) {
      Estimate before = exchange.estimator().estimate("cheap", "email.spam", 0.95, 0.001, 100, Features.none());
      Execution e = exchange.execute(task, outputs.forType(Verdict.class).check());
      assertThat(e.output()).isEqualTo(new Verdict(Label.SPAM, 0.9));
      assertThat(e.attempts()).extracting(Attempt::arm, Attempt::status).containsExactly(
          org.assertj.core.groups.Tuple.tuple("cheap", Attempt.Status.REJECTED),
          org.assertj.core.groups.Tuple.tuple("strong", Attempt.Status.SUCCEEDED));
      assertThat(e.attempts().getFirst().detail()).startsWith("INVALID: - at $");
      assertThat(never.reasks).hasSize(2);
      assertThat(e.attempts().getFirst().costUsd()).isEqualTo(0.003);
      assertThat(e.attempts().getFirst().usage()).isEqualTo(Usage.of("cheap-model", 30, 15));
      Estimate after = exchange.estimator().estimate("cheap", "email.spam", 0.95, 0.001, 100, Features.none());
      assertThat(after.meanQuality()).isLessThan(before.meanQuality());
    }
  }
}
