package dev.atomic.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryJournalTest {

  @Test
  void read_keepsRunsApartInOrder() {
    InMemoryJournal journal = new InMemoryJournal();
    JournalEntry started = new JournalEntry.RunStarted("p", "{}", "t");
    JournalEntry ended = new JournalEntry.RunEnded("SUCCEEDED", null);
    journal.append("a", started);
    journal.append("b", ended);
    journal.append("a", ended);

    assertThat(journal.read("a")).isEqualTo(List.of(started, ended));
    assertThat(journal.read("b")).isEqualTo(List.of(ended));
    assertThat(journal.read("c")).isEmpty();
  }

  @Test
  void append_moreEndedRunsThanKept_forgetsTheOldestEndedRunsOnly() {
    InMemoryJournal journal = new InMemoryJournal(2);
    JournalEntry started = new JournalEntry.RunStarted("p", "{}", "t");
    JournalEntry ended = new JournalEntry.RunEnded("SUCCEEDED", null);
    journal.append("running", started);
    for (String run : List.of("a", "b", "c")) {
      journal.append(run, started);
      journal.append(run, ended);
    }

    assertThat(journal.read("a")).isEmpty();
    assertThat(journal.read("b")).isEqualTo(List.of(started, ended));
    assertThat(journal.read("c")).isEqualTo(List.of(started, ended));
    assertThat(journal.read("running")).isEqualTo(List.of(started));
  }

  @Test
  void constructor_nothingKept_isRefused() {
    assertThatThrownBy(() -> new InMemoryJournal(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endedRunsKept must be at least 1, was 0");
  }
}
