package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnnHeadTest {

  private static final int DIMENSION = 16;

  @Test
  void predict_separableClasses_learnsThemFromFewExamples() {
    KnnHead head = new KnnHead(DIMENSION, 1000, 5, 0.05, 5, 16);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 60; i++) {
      int cls = i % 6;
      head.learn(Synthetic.point(DIMENSION, cls, 0.3, random), "class-" + cls);
    }
    int right = 0;
    for (int i = 0; i < 200; i++) {
      int cls = random.nextInt(6);
      Prediction p = head.predict(Synthetic.point(DIMENSION, cls, 0.3, random)).orElseThrow();
      right += p.label().equals("class-" + cls) ? 1 : 0;
    }
    assertThat(right).isGreaterThanOrEqualTo(196);
  }

  @Test
  void predict_nearNeighboursDisagree_isLessConfident() {
    KnnHead head = new KnnHead(DIMENSION, 100, 4, 0.05, 1, 4);
    float[] a = Synthetic.point(DIMENSION, 0, 0, new SplittableRandom(1));
    float[] b = Synthetic.point(DIMENSION, 1, 0, new SplittableRandom(1));
    head.learn(a, "a");
    head.learn(a, "a");
    head.learn(b, "b");
    double clear = head.predict(a).orElseThrow().probability();
    float[] between = Synthetic.unit(new float[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    double torn = head.predict(between).orElseThrow().probability();
    assertThat(clear).isGreaterThan(0.99);
    assertThat(torn).isBetween(0.5, 0.8);
  }

  @Test
  void learn_beyondCapacity_forgetsTheOldestAndStaysBounded() {
    KnnHead head = new KnnHead(DIMENSION, 10, 1, 0.05, 1, 4);
    SplittableRandom random = new SplittableRandom(4);
    long before = head.memoryBytes();
    float[] old = Synthetic.point(DIMENSION, 0, 0, random);
    head.learn(old, "old");
    for (int i = 0; i < 10; i++) {
      head.learn(Synthetic.point(DIMENSION, 5, 0.1, random), "new");
    }
    assertThat(head.predict(old).orElseThrow().label()).isEqualTo("new");
    assertThat(head.memoryBytes()).isEqualTo(before).isEqualTo(10L * DIMENSION + 4 * 10 + 4 * 10);
  }

  @Test
  void restore_exportedState_predictsIdentically() {
    KnnHead head = new KnnHead(DIMENSION, 50, 3, 0.1, 1, 8);
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 80; i++) {
      int cls = random.nextInt(4);
      head.learn(Synthetic.point(DIMENSION, cls, 0.6, random), "class-" + cls);
    }
    KnnHead copy = KnnHead.restore(head.state());
    for (int i = 0; i < 50; i++) {
      float[] x = Synthetic.point(DIMENSION, random.nextInt(4), 0.8, random);
      assertThat(copy.predict(x)).isEqualTo(head.predict(x));
    }
  }

  @Test
  void restore_inconsistentState_isRejected() {
    KnnHead head = new KnnHead(DIMENSION, 5, 3, 0.1, 1, 8);
    KnnHeadState s = head.state();
    KnnHeadState broken = new KnnHeadState(s.dimension(), s.capacity(), s.neighbours(), s.temperature(),
        s.minLabels(), s.maxClasses(), s.classes(), new byte[3], s.scales(), s.slotLabels(), 0, 0, 0);
    assertThatThrownBy(() -> KnnHead.restore(broken)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 codes");
  }
}
