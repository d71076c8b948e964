package dev.atomic.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
