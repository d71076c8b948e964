package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.AtomicException;
import dev.atomic.bidding.Bid;
import dev.atomic.task.Microtask;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

  private final RouterBenchRow row = Rows.arc("arc.1", true,
      "cheap", "B, since iron is magnetic", true, 0.001,
      "dear", "A) wood", false, 0.01,
      "other", "iron", true, 0.002);

  @Test
  void outcome_ofModelNotCalled_isNotRevealed() {
    Replay replay = new Replay(List.of(row));
    replay.serve("cheap", row.view());

    assertThat(replay.outcome("arc.1", "cheap")).isTrue();
    assertThatThrownBy(() -> replay.outcome("arc.1", "dear"))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("'dear' was not called");
  }

  @Test
  void grade_usesOnlyCalledModels() {
    Replay replay = new Replay(List.of(row));
    Replay.Call dear = replay.serve("dear", row.view());

    assertThat(dear.output()).isEqualTo(new Replay.Choice("A"));
    assertThat(replay.grade("arc.1", dear.output())).isZero();
    // "B" is right, but no called model answered it: grading it would need an outcome the router never saw
    assertThatThrownBy(() -> replay.grade("arc.1", new Replay.Choice("B")))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("no model called");
  }

  @Test
  void serve_normalisesOptionTextToItsLetter() {
    Replay replay = new Replay(List.of(row));

    assertThat(replay.serve("other", row.view()).output()).isEqualTo(new Replay.Choice("B"));
  }

  @Test
  void prompt_viewHoldsNoOutcome() {
    Prompt view = row.view();

    assertThat(view.question()).isEqualTo(Rows.QUESTION);
    assertThat(view.toString()).doesNotContain("since iron is magnetic", "0.001");
  }

  @Test
  void bid_dependsOnPriceAndPromptOnly() {
    RouterBenchRow sameButAllWrong = Rows.arc("arc.1", true,
        "cheap", "C", false, 0.5,
        "dear", "C", false, 0.5,
        "other", "C", false, 0.5);
    ModelPrice price = new ModelPrice("cheap", "together", 1, 2);
    Microtask task = Microtask.builder(Task.ARC.kind()).id("arc.1").input(row.view()).build();
    Microtask twin = Microtask.builder(Task.ARC.kind()).id("arc.1").input(sameButAllWrong.view()).build();

    Bid bid = new ReplayBidder(price, new Replay(List.of(row))).bid(task).orElseThrow();
    Bid twinBid = new ReplayBidder(price, new Replay(List.of(sameButAllWrong))).bid(twin).orElseThrow();

    assertThat(bid).isEqualTo(twinBid);
    assertThat(bid.quality()).isEqualTo(ReplayBidder.FLAT_CLAIM);
    assertThat(bid.costUsd()).isEqualTo(price.estimateUsd(row.view().estimatedTokens(), Task.ARC));
  }

  @Test
  void bid_withAReputation_claimsItWhateverTheOutcomes() {
    Microtask task = Microtask.builder(Task.ARC.kind()).id("arc.1").input(row.view()).build();
    ModelPrice price = new ModelPrice("cheap", "together", 1, 2);

    Bid bid = new ReplayBidder(price, new Replay(List.of(row)), 0.7).bid(task).orElseThrow();

    assertThat(bid.quality()).isEqualTo(0.7);
    assertThatThrownBy(() -> new ReplayBidder(price, new Replay(List.of(row)), 1.0))
        .hasMessage("a claim must be in (0, 1), was 1.0");
  }

  @Test
  void serve_ofUnknownPrompt_failsClearly() {
    Replay replay = new Replay(List.of(row));
    Prompt stranger = Prompt.of("nope", Task.ARC, Rows.QUESTION);

    assertThatThrownBy(() -> replay.serve("cheap", stranger)).hasMessageContaining("no recorded prompt with id nope");
  }
}
