package dev.atomic.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.Answer;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {

  private static final Microtask TASK = Microtask.builder("k").build();

  @Test
  void majority_moreThanHalfAgreeing_acceptsAndReturnsOneOfThem() {
    Verifier vote = Verifier.majority();

    assertThat(vote.accept(TASK, answers("B", "A", "A"))).isTrue();
    assertThat(vote.returned(TASK, answers("B", "A", "A"))).isEqualTo(1);
    assertThat(vote.returned(TASK, answers("A", "B", "A"))).isZero();
  }

  @Test
  void majority_noMajority_rejects() {
    Verifier vote = Verifier.majority();

    assertThat(vote.accept(TASK, answers("A", "B", "C"))).isFalse();
    assertThat(vote.accept(TASK, answers("A", "B"))).isFalse();
    assertThat(vote.accept(TASK, answers(null, null, "A"))).isFalse();
    assertThat(vote.accept(TASK, List.of())).isFalse();
  }

  @Test
  void returned_isTheFirstByDefaultAndSurvivesWithSingleCorrectAnswer() {
    assertThat(Verifier.agreement().returned(TASK, answers("A", "A"))).isZero();
    assertThat(Verifier.majority().withSingleCorrectAnswer().returned(TASK, answers("B", "A", "A"))).isEqualTo(1);
  }

  private static List<Answer> answers(String... outputs) {
    return Arrays.stream(outputs).map(o -> new Answer(o, 0, Duration.ZERO, Double.NaN)).toList();
  }
}
