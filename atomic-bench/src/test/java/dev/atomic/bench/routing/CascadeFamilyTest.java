package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.Answer;
import dev.atomic.exchange.Cascade;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CascadeFamilyTest {

  private static final List<ModelPrice> PRICES = IntStream.rangeClosed(1, 6)
      .mapToObj(i -> new ModelPrice("m" + i, "together", i, i)).toList();

  @Test
  void declare_default_teachesOnlyMembersThatGaveTheAnswer() {
    List<Cascade> family = CascadeFamily.declare(PRICES);

    assertThat(family).hasSize(10);
    assertThat(family).allMatch(c -> !c.verifier().singleCorrectAnswer());
    assertThat(family).allMatch(c -> c.stages().getLast().equals(List.of("m6")));
  }

  @Test
  void declare_teachingDissenters_declaresASingleCorrectAnswerAndKeepsTheVerdict() {
    List<Cascade> family = CascadeFamily.declare(PRICES, true);
    Microtask task = Microtask.builder(Task.ARC.kind()).input("q").build();
    List<Answer> agree = List.of(answer("B"), answer("B"));
    List<Answer> differ = List.of(answer("B"), answer("C"));

    assertThat(family).allMatch(c -> c.verifier().singleCorrectAnswer());
    assertThat(family.getFirst().verifier().accept(task, agree)).isTrue();
    assertThat(family.getFirst().verifier().accept(task, differ)).isFalse();
  }

  @Test
  void declare_skippingTheCheapest_pairsOnlyTheDearerOfTheCheapModels() {
    List<Cascade> family = CascadeFamily.declare(PRICES, true, 2);

    assertThat(family).extracting(c -> c.stages().getFirst())
        .containsExactly(List.of("m3", "m4"), List.of("m3", "m5"), List.of("m4", "m5"));
    assertThat(family).allMatch(c -> c.stages().getLast().equals(List.of("m6")));
    assertThatThrownBy(() -> CascadeFamily.declare(PRICES, true, 4))
        .hasMessage("skipCheapest must be in [0, 3], was 4");
  }

  @Test
  void declare_withASecondPair_asksTheTwoNextByPriceBeforeTheStrongest() {
    List<ModelPrice> eight = IntStream.rangeClosed(1, 8).mapToObj(i -> new ModelPrice("m" + i, "together", i, i))
        .toList();

    List<Cascade> family = CascadeFamily.declare(eight, true, 0, CascadeFamily.Shape.SECOND_PAIR);

    assertThat(family).hasSize(10);
    assertThat(family).allMatch(c -> c.stages().size() == 3);
    assertThat(family).allMatch(c -> c.stages().get(1).equals(List.of("m6", "m7")));
    assertThat(family).allMatch(c -> c.stages().getLast().equals(List.of("m8")));
    assertThat(family.getFirst().id()).isEqualTo("cascade[m1+m2>m6+m7>m8]");
    assertThatThrownBy(() -> CascadeFamily.declare(PRICES, true, 0, CascadeFamily.Shape.SECOND_PAIR))
        .hasMessage("the cascade family needs at least 8 models, has 6");
  }

  @Test
  void declare_majorityOfThree_votesAmongEveryTripleAndReturnsTheMajority() {
    List<Cascade> family = CascadeFamily.declare(PRICES, true, 0, CascadeFamily.Shape.MAJORITY_OF_THREE);
    Microtask task = Microtask.builder(Task.ARC.kind()).input("q").build();
    Cascade first = family.getFirst();

    assertThat(family).hasSize(10);
    assertThat(first.stages()).isEqualTo(List.of(List.of("m1", "m2", "m3"), List.of("m6")));
    assertThat(first.id()).isEqualTo("vote[m1+m2+m3>m6]");
    assertThat(first.verifier().singleCorrectAnswer()).isTrue();
    assertThat(first.verifier().accept(task, List.of(answer("B"), answer("C"), answer("C")))).isTrue();
    assertThat(first.verifier().returned(task, List.of(answer("B"), answer("C"), answer("C")))).isEqualTo(1);
    assertThat(first.verifier().accept(task, List.of(answer("A"), answer("B"), answer("C")))).isFalse();
    assertThat(first.verifier().accept(task, List.of(unreadable(), unreadable(), answer("C")))).isFalse();
    assertThatThrownBy(() -> CascadeFamily.declare(PRICES, true, 3, CascadeFamily.Shape.MAJORITY_OF_THREE))
        .hasMessage("a majority of three needs skipCheapest <= 2, was 3");
  }

  @Test
  void declare_tooFewModels_isRejected() {
    assertThatThrownBy(() -> CascadeFamily.declare(PRICES.subList(0, 5), true))
        .hasMessage("the cascade family needs at least 6 models, has 5");
  }

  private static Answer unreadable() {
    return new Answer("no letter here", 0, Duration.ZERO, Double.NaN);
  }

  private static Answer answer(String letter) {
    return new Answer(new Replay.Choice(letter), 0, Duration.ZERO, Double.NaN);
  }
}
