package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunJournalTest extends StoreFixture {

  @Test
  void stepResults_inTheOrderAppended() {
    RunJournal journal = store.journal();
    journal.appendStepResult("run-1", "zeta", "{\"n\": 1}");
    journal.appendStepResult("run-1", "alpha", "[2]");
    journal.appendStepResult("run-2", "other", "3");
    journal.appendStepResult("run-1", "mid", "\"three\"");

    assertThat(journal.stepResults("run-1")).containsExactly(
        java.util.Map.entry("zeta", "{\"n\": 1}"), java.util.Map.entry("alpha", "[2]"),
        java.util.Map.entry("mid", "\"three\""));
    assertThat(journal.stepResults("run-2")).containsOnlyKeys("other");
    assertThat(journal.stepResults("run-3")).isEmpty();
  }

  @Test
  void entries_keepEveryAppendInOrder() {
    RunJournal journal = store.journal();
    journal.append("run-1", "{\"type\": \"started\"}");
    journal.appendStepResult("run-1", "classify", "{\"label\": \"spam\"}");
    journal.append("run-1", "{\"type\": \"call\", \"n\": 1}");
    journal.append("run-1", "{\"type\": \"call\", \"n\": 1}");
    journal.append("run-2", "{\"type\": \"started\"}");

    assertThat(journal.entries("run-1")).containsExactly("{\"type\": \"started\"}", "{\"label\": \"spam\"}",
        "{\"type\": \"call\", \"n\": 1}", "{\"type\": \"call\", \"n\": 1}");
    assertThat(journal.stepResults("run-1")).containsOnlyKeys("classify");
    assertThat(journal.entries("run-9")).isEmpty();
  }

  @Test
  void append_malformedJson_failsNamingTheRun() {
    assertThatThrownBy(() -> store.journal().append("run-1", "{\"type\": "))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("the journal entry of run run-1 is malformed JSON");
  }

  @Test
  void appendStepResult_sameResultTwice_isHarmless() {
    store.journal().appendStepResult("run-1", "a", "{\"ok\": true}");
    store.journal().appendStepResult("run-1", "a", "{\"ok\": true}");

    assertThat(store.journal().stepResults("run-1")).containsOnlyKeys("a");
  }

  @Test
  void appendStepResult_differentResultForAJournaledStep_fails() {
    store.journal().appendStepResult("run-1", "a", "{\"ok\": true}");

    assertThatThrownBy(() -> store.journal().appendStepResult("run-1", "a", "{\"ok\": false}"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("step a of run run-1 is journaled already with another result");
  }

  @Test
  void appendStepResult_malformedJson_fails() {
    assertThatThrownBy(() -> store.journal().appendStepResult("run-1", "a", "{ok: true}"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("the result of step a of run run-1 is malformed JSON");
  }

  @Test
  void stepResults_surviveReopening() {
    store.journal().appendStepResult("run-1", "a", "1");
    store.close();

    store = database.open();

    assertThat(store.journal().stepResults("run-1")).containsEntry("a", "1");
  }
}
