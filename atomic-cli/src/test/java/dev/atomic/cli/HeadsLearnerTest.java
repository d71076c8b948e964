package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.adapt.Adaptation;
import dev.atomic.exchange.Feedback;
import dev.atomic.models.embed.TextEmbedder;
import dev.atomic.task.Microtask;
import org.junit.jupiter.api.Test;

class HeadsLearnerTest {

  /** Words starting with the same letter land on the same axis: enough for a head to tell them apart. */
  private static final class LetterEmbedder implements TextEmbedder {
    @Override
    public String id() {
      return "letters";
    }

    @Override
    public int dimension() {
      return 4;
    }

    @Override
    public float[] embed(String text) {
      float[] v = new float[4];
      v[Math.floorMod(text.charAt(0), 4)] = 1;
      return v;
    }
  }

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
