package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int run(String... args) {
    ModelsCommand command = new ModelsCommand();
    command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = command.out;
    command.environment = Map.of();
    return new CommandLine(command).execute(args);
  }

  private String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void call_withoutLedger_listsProfilesAndSaysWhyNoStatistics() throws Exception {
    Path config = Files.writeString(dir.resolve("atomic.yaml"), """
        store:
          url: %s
        models:
          - {id: langdetect, type: language, kind: email.language}
          - {id: claude, type: anthropic, model: claude-3-5-haiku-latest, kinds: [email.reply]}
        """.formatted(dir.resolve("none.db")));

    assertThat(run("--config", config.toString())).as(text()).isZero();

    assertThat(text()).contains("ID").contains("VENDOR").contains("SOVEREIGN")
        .contains("No ledger statistics: no ledger at");
    String lang = text().lines().filter(l -> l.startsWith("langdetect ")).findFirst().orElseThrow();
    assertThat(lang).contains("language").contains("local").contains("on-prem").contains("email.language");
    assertThat(lang.split("\\s+")).containsSubsequence("yes", "yes");
    String claude = text().lines().filter(l -> l.startsWith("claude ")).findFirst().orElseThrow();
    assertThat(claude).contains("anthropic").contains("claude-3-5-haiku-latest").contains("email.reply")
        .endsWith("-");
    // Listing reads no key: the Anthropic key is absent from the environment and that is fine.
    assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
  }

  @Test
  void call_withoutConfig_saysNoModelsAreConfigured() {
    assertThat(run()).isZero();
    assertThat(text()).contains("no models are configured");
  }

  @Test
  void call_badEntry_exitsTwoNamingIt() throws Exception {
    Path config = Files.writeString(dir.resolve("atomic.yaml"), "models:\n  - {id: x, type: head, kind: k}\n");

    assertThat(run("--config", config.toString())).isEqualTo(2);
    assertThat(text()).contains("models[0] (id 'x') needs 'algorithm'");
  }
}
