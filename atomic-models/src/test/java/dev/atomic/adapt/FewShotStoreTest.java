package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FewShotStoreTest {

  private final Synthetic.ClassEmbedder embedder = new Synthetic.ClassEmbedder(8);

  @Test
  void similar_returnsTheClosestExamplesFirst() {
    FewShotStore store = new FewShotStore("mail.reply", embedder, 10);
    store.add("c1 invoice overdue", "billing");
    store.add("c2 password reset", "account");
    store.add("c1 refund please", "billing");
    store.add("c3 hello there", "other");

    List<Example> near = store.similar("c1 where is my refund", 2);

    assertThat(near).extracting(Example::output).containsExactly("billing", "billing");
    assertThat(near.get(0).similarity()).isGreaterThanOrEqualTo(near.get(1).similarity());
    assertThat(near.get(0).similarity()).isGreaterThan(0.8);
  }

  @Test
  void add_beyondCapacity_forgetsTheOldest() {
    FewShotStore store = new FewShotStore("mail.reply", embedder, 2);
    store.add("c1 first", "one");
    store.add("c2 second", "two");
    store.add("c3 third", "three");

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.similar("c1 first", 5)).extracting(Example::output).containsExactlyInAnyOrder("two", "three");
  }

  @Test
  void restore_exportedState_retrievesTheSame() {
    FewShotStore store = new FewShotStore("mail.reply", embedder, 4);
    for (int i = 0; i < 6; i++) {
      store.add("c" + i + " text " + i, "out-" + i);
    }
    FewShotStore copy = FewShotStore.restore(store.state(), embedder);
    assertThat(copy.similar("c4 query", 3)).isEqualTo(store.similar("c4 query", 3));
    assertThat(copy.size()).isEqualTo(4);
  }

  @Test
  void similar_emptyStoreOrZeroK_returnsNothing() {
    FewShotStore store = new FewShotStore("mail.reply", embedder, 4);
    assertThat(store.similar("c1 anything", 3)).isEmpty();
    store.add("c1 one", "x");
    assertThat(store.similar("c1 anything", 0)).isEmpty();
  }
}
