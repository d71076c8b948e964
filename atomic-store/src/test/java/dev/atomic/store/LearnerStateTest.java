package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LearnerStateTest extends StoreFixture {

  @Test
  void saveLearner_replacesThePreviousState_andSurvivesReopening() {
    assertThat(store.loadLearner("heads")).isEmpty();
    store.saveLearner("heads", 3, "{\"heads\":[1,2,3]}");
    store.saveLearner("heads", 7, "{\"heads\":[4]}");
    store.saveLearner("other", 1, "{}");
    store.close();

    store = database.open();
    LearnerState heads = store.loadLearner("heads").orElseThrow();
    assertThat(heads.version()).isEqualTo(7);
    assertThat(heads.json()).isEqualTo("{\"heads\":[4]}");
    assertThat(store.loadLearner("other").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void saveLearner_badInput_isAClearError() {
    assertThatThrownBy(() -> store.saveLearner("heads", 1, "{not json")).hasMessageContaining("learner heads");
    assertThatThrownBy(() -> store.saveLearner(" ", 1, "{}")).hasMessageContaining("learner name");
    assertThat(store.loadLearner("heads")).isEmpty();
  }
}
