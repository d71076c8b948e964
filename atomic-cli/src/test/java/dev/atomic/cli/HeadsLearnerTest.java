package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.adapt.Adaptation;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import org.junit.jupiter.api.Test;

class HeadsLearnerTest {

  private static Adaptation withHead() {
    Adaptation adaptation = Adaptation.builder(new LetterEmbedder()).minLabels(1).build();
    adaptation.knnHead("ticket.route", "router");
    return adaptation;
  }

  private static Microtask task(String text) {
    return Microtask.builder("ticket.route").input(text).outputType(String.class).build();
  }

  @Test
  void stateJson_restoredInAFreshService_givesTheSameHeads() {
    Adaptation before = withHead();
    before.learn(task("apples"), "fruit", Feedback.accepted());
    before.learn(task("bolts"), "hardware", Feedback.accepted());
    HeadsLearner saved = new HeadsLearner(before);
    assertThat(saved.version()).isEqualTo(2);

    Adaptation after = withHead();
    HeadsLearner restored = new HeadsLearner(after);
    restored.restore(saved.stateJson());

    assertThat(restored.stateJson()).isEqualTo(saved.stateJson());
    assertThat(saved.name()).isEqualTo("heads");
  }

  @Test
  void restore_unreadableState_saysWhatToDo() {
    assertThatThrownBy(() -> new HeadsLearner(withHead()).restore("{\"heads\": 3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learner_state");
  }
}
