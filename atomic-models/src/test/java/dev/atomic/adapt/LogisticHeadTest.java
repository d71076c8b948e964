package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticHeadTest {

  private static final int DIMENSION = 16;

  @Test
  void predict_separableClasses_learnsThemOnline() {
    LogisticHead head = new LogisticHead(DIMENSION, 0.5, 10, 8);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 400; i++) {
      int cls = random.nextInt(4);
      head.learn(Synthetic.point(DIMENSION, cls, 0.3, random), "class-" + cls);
    }
    int right = 0;
    for (int i = 0; i < 200; i++) {
      int cls = random.nextInt(4);
      Prediction p = head.predict(Synthetic.point(DIMENSION, cls, 0.3, random)).orElseThrow();
      right += p.label().equals("class-" + cls) ? 1 : 0;
    }
    assertThat(right).isGreaterThanOrEqualTo(196);
    assertThat(head.classes()).isEqualTo(4);
  }

  @Test
  void predict_beforeMinLabels_abstains() {
    LogisticHead head = new LogisticHead(DIMENSION, 0.5, 10, 8);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 9; i++) {
      head.learn(Synthetic.point(DIMENSION, i % 2, 0.3, random), "class-" + i % 2);
    }
    assertThat(head.predict(Synthetic.point(DIMENSION, 0, 0.3, random))).isEmpty();
    head.learn(Synthetic.point(DIMENSION, 1, 0.3, random), "class-1");
    assertThat(head.predict(Synthetic.point(DIMENSION, 0, 0.3, random))).isPresent();
  }

  @Test
  void restore_exportedState_predictsIdentically() {
    LogisticHead head = new LogisticHead(DIMENSION, 0.5, 5, 8);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100; i++) {
      int cls = random.nextInt(3);
      head.learn(Synthetic.point(DIMENSION, cls, 0.5, random), "class-" + cls);
    }
    LogisticHead copy = LogisticHead.restore(head.state());
    for (int i = 0; i < 50; i++) {
      float[] x = Synthetic.point(DIMENSION, random.nextInt(3), 0.8, random);
      assertThat(copy.predict(x)).isEqualTo(head.predict(x));
    }
    assertThat(copy.labelsSeen()).isEqualTo(100);
  }

  @Test
  void learn_beyondClassCap_refusesAndStaysBounded() {
    LogisticHead head = new LogisticHead(DIMENSION, 0.5, 1, 3);
    SplittableRandom random = new SplittableRandom(5);
    for (int cls = 0; cls < 10; cls++) {
      boolean learned = head.learn(Synthetic.point(DIMENSION, cls, 0.3, random), "class-" + cls);
      assertThat(learned).isEqualTo(cls < 3);
    }
    assertThat(head.classes()).isEqualTo(3);
    assertThat(head.memoryBytes()).isEqualTo(2L * 3 * (DIMENSION + 1) * Double.BYTES);
  }

  @Test
  void memoryBytes_77ClassesOver384Dimensions_isUnderHalfAMegabyte() {
    LogisticHead head = new LogisticHead(384, 0.5, 1, 256);
    SplittableRandom random = new SplittableRandom(11);
    for (int cls = 0; cls < 77; cls++) {
      head.learn(Synthetic.point(384, cls, 0.3, random), "intent-" + cls);
    }
    assertThat(head.memoryBytes()).isEqualTo(2L * 77 * 385 * 8).isLessThan(512 * 1024);
  }

  @Test
  void predict_wrongDimension_saysWhichIsExpected() {
    LogisticHead head = new LogisticHead(DIMENSION, 0.5, 1, 4);
    assertThatThrownBy(() -> head.predict(new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension 3").hasMessageContaining("expects 16");
  }

  @Test
  void constructor_badLearningRate_isRejectedWithTheValue() {
    assertThatThrownBy(() -> new LogisticHead(DIMENSION, -1, 1, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
  }
}
