package dev.atomic.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.engine.Fixtures;
import dev.atomic.engine.Fixtures.Reply;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.ScriptedBidder;
import dev.atomic.engine.journal.FileJournal;
import dev.atomic.engine.journal.JournalEntry;
import dev.atomic.exchange.Exchange;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real crash: another JVM runs the pipeline and is killed (SIGKILL) mid-run; this one resumes from its file journal. */
class EmbeddedEngineProcessTest {

  @Test
  void resume_afterTheProcessWasKilled_servesOnlyWhatWasNotJournaled(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashingProcess.class.getName(), dir.toString(), "killed-1")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the child process should reach the reply and say so").isEqualTo("HELD");
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    FileJournal journal = FileJournal.in(dir);
    List<JournalEntry> before = journal.read("killed-1");
    assertThat(before).filteredOn(JournalEntry.CallCompleted.class::isInstance).hasSize(4);

    ScriptedBidder bidder = Fixtures.bidder();
    try (Exchange exchange = Fixtures.exchange(bidder);
        EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(journal))) {
      RunResult result = engine.resume(Fixtures.pipeline("email-triage.yaml"), "killed-1").result()
          .get(30, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(RunResult.Status.SUCCEEDED);
      assertThat(result.output("reply", Reply.class).text()).startsWith("Re: Meeting on Monday");
    }
    // This process served only the reply; spam, summary and both tags came from the dead process's journal.
    assertThat(bidder.serves("email.reply")).isEqualTo(1);
    assertThat(bidder.serves("email.spam") + bidder.serves("text.summary") + bidder.serves("text.tag")).isZero();
  }
}
