package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code atomic demo --exit}, the README's first command, end to end on a ledger of its own. */
class ServiceDemoTest {

  private static final Pattern EXPLAIN = Pattern.compile("\\./atomic decisions --run (\\S+) --db (\\S+)");

  @TempDir
  Path dir;

  @Test
  void run_triagesTheInboxThroughTheApi_andNamesARunTheLedgerExplains() throws Exception {
    String ledger = dir.resolve("atomic.db").toString();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ServerConfig settings = ServerConfig.defaults().withPort(0).withStoreUrl(ledger);
    int exit = new ServiceDemo(settings, 7, new PrintStream(bytes, true, StandardCharsets.UTF_8),
        dir.resolve("embeddings.bin")).run(false);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(out).isZero();
    assertThat(out).contains("220/220 runs").contains("Failed runs: 0").contains("166-220").contains("/dashboard/");
    Matcher explain = EXPLAIN.matcher(out);
    assertThat(explain.find()).as(out).isTrue();
    assertThat(explain.group(2)).isEqualTo(ledger);

    // The printed command works as printed: the run is in the ledger with its steps and decisions.
    DecisionsCommand decisions = new DecisionsCommand();
    ByteArrayOutputStream explained = new ByteArrayOutputStream();
    decisions.out = new PrintStream(explained, true, StandardCharsets.UTF_8);
    decisions.err = decisions.out;
    int code = new CommandLine(decisions).execute("--run", explain.group(1), "--db", explain.group(2));
    String text = explained.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    assertThat(text).startsWith("Run " + explain.group(1) + " of pipeline email-triage")
        .contains("succeeded").contains("for email.spam").contains("for email.category");
  }
}
