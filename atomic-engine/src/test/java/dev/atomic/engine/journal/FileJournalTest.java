package dev.atomic.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.AtomicException;
import dev.atomic.engine.CallOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {

  private static final JournalEntry STARTED = new JournalEntry.RunStarted("p", "{\"a\":1}", "acme");
  private static final JournalEntry SERVED = new JournalEntry.CallCompleted(
      new CallOutcome("spam", "{\"spam\":false}", "d-1", "scripted", 0.25));
  private static final JournalEntry ENDED = new JournalEntry.RunEnded("SUCCEEDED", null);

  @Test
  void read_byAnotherInstance_returnsEveryEntryInOrder(@TempDir Path dir) {
    FileJournal writer = FileJournal.in(dir);
    writer.append("run-1", STARTED);
    writer.append("run-1", SERVED);
    writer.append("run-2", STARTED);
    writer.append("run-1", ENDED);

    FileJournal reader = FileJournal.in(dir);

    assertThat(reader.read("run-1")).containsExactly(STARTED, SERVED, ENDED);
    assertThat(reader.read("run-2")).containsExactly(STARTED);
    assertThat(reader.read("unknown")).isEmpty();
  }

  @Test
  void read_tornLastLine_isIgnoredAsNeverWritten(@TempDir Path dir) throws Exception {
    FileJournal journal = FileJournal.in(dir);
    journal.append("run-1", STARTED);
    journal.append("run-1", SERVED);
    Files.writeString(dir.resolve("run-1.jsonl"), "{\"type\":\"served\",\"outcome\":{\"key\":\"rep",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertThat(FileJournal.in(dir).read("run-1")).containsExactly(STARTED, SERVED);
  }

  @Test
  void read_corruptLineInTheMiddle_isAnError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("run-1.jsonl"), "{\"type\":\"started\",\"pipeline\":\"p\",\"requestJson\":\"{}\","
        + "\"tenant\":\"t\"}\nnot json\n{\"type\":\"ended\",\"status\":\"FAILED\",\"failure\":\"x\"}\n");

    assertThatThrownBy(() -> FileJournal.in(dir).read("run-1"))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("run-1.jsonl line 2 is corrupt");
  }

  @Test
  void append_runIdThatIsNotAFileName_isRejected(@TempDir Path dir) {
    assertThatThrownBy(() -> FileJournal.in(dir).append("../escape", STARTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run ids in a file journal are letters, digits, '.', '_' and '-', was '../escape'");
  }
}
