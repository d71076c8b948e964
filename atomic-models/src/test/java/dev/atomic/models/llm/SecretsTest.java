package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.AtomicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  @TempDir
  Path dir;

  @Test
  void find_environmentComesBeforeTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("secrets.properties"),
        "ATOMIC_OPENAI_API_KEY=from-file\nATOMIC_ANTHROPIC_API_KEY=anthropic-from-file\n");
    Secrets secrets = Secrets.of(Map.of("ATOMIC_OPENAI_API_KEY", "from-env")).withFile(file);

    assertThat(secrets.require("ATOMIC_OPENAI_API_KEY").reveal()).isEqualTo("from-env");
    assertThat(secrets.require("ATOMIC_ANTHROPIC_API_KEY").reveal()).isEqualTo("anthropic-from-file");
    assertThat(secrets.find("ATOMIC_OTHER")).isEmpty();
  }

  @Test
  void find_blankValue_isMissing() {
    assertThat(Secrets.of(Map.of("K", "  ")).find("K")).isEmpty();
  }

  @Test
  void require_missing_saysWhereItLooked() {
    assertThatThrownBy(() -> Secrets.of(Map.of()).require("ATOMIC_OPENAI_API_KEY"))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("environment variable ATOMIC_OPENAI_API_KEY");
  }

  @Test
  void withFile_missingFile_namesTheFile() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> Secrets.of(Map.of()).withFile(missing))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void secret_toStringAndScrub_hideTheValue() {
    Secret secret = Secret.of("sk-live-123", "environment variable X");

    assertThat(secret.toString()).doesNotContain("sk-live-123").contains("environment variable X");
    assertThat(secret.scrub("key sk-live-123 rejected")).isEqualTo("key **** rejected");
    assertThatThrownBy(() -> Secret.of(" ", "environment variable X")).hasMessageContaining("environment variable X");
  }
}
