package dev.atomic.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

  @TempDir
  Path dir;

  private Path yaml(String text) throws Exception {
    Path file = dir.resolve("atomic.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void load_readsYamlThenEnvironmentOverIt() throws Exception {
    Path file = yaml("""
        server:
          port: 9000
          maxBodyBytes: 2048
        store:
          url: jdbc:postgresql://db:5432/atomic
          user: svc
          password: from-file
        exchange:
          seed: 11
          costWeight: 50
        telemetry:
          otlpEndpoint: http://collector:4318/v1/traces
          otlpHeaders:
            api-key: k-123
        dashboard:
          premiumBidder: premium-llm
        """);
    ServerConfig config = ServerConfig.load(file, Map.of("ATOMIC_PORT", "9100", "ATOMIC_DB_PASSWORD", "from-env"));
    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.maxBodyBytes()).isEqualTo(2048);
    assertThat(config.postgres()).isTrue();
    assertThat(config.storeUser()).isEqualTo("svc");
    assertThat(config.storePassword().reveal()).isEqualTo("from-env");
    assertThat(config.seed()).isEqualTo(11L);
    assertThat(config.utility().costWeight()).isEqualTo(50);
    assertThat(config.utility().latencyWeight()).isEqualTo(ServerConfig.defaults().utility().latencyWeight());
    assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://collector:4318/v1/traces"));
    assertThat(config.otlpHeaders().get("api-key").reveal()).isEqualTo("k-123");
    assertThat(config.premiumBidder()).isEqualTo("premium-llm");
  }

  @Test
  void load_withoutFile_usesDefaultsAndEnvironment() {
    ServerConfig config = ServerConfig.load(null, Map.of("ATOMIC_DB_URL", "/tmp/x.db",
        "ATOMIC_OTLP_HEADERS", "authorization=Bearer abc, x-team=ops"));
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.storeUrl()).isEqualTo("/tmp/x.db");
    assertThat(config.otlpEndpoint()).isNull();
    assertThat(config.otlpHeaders()).containsOnlyKeys("authorization", "x-team");
  }

  @Test
  void load_exampleFile_isValid() {
    Path example = Path.of("../config/atomic.example.yaml");
    ServerConfig config = ServerConfig.load(example, Map.of());
    assertThat(config.storeUrl()).isEqualTo(ServerConfig.DEFAULT_STORE);
    assertThat(config.otlpEndpoint()).isNull();
  }

  @Test
  void load_unknownKey_namesIt() throws Exception {
    Path file = yaml("server:\n  prot: 9000\n");
    assertThatThrownBy(() -> ServerConfig.load(file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'server.prot'");
    Path section = yaml("srever:\n  port: 9000\n");
    assertThatThrownBy(() -> ServerConfig.load(section, Map.of())).hasMessageContaining("'srever'");
  }

  @Test
  void load_badValues_showTheValue() throws Exception {
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("ATOMIC_PORT", "eighty")))
        .hasMessageContaining("'eighty'");
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("ATOMIC_PORT", "70000")))
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("ATOMIC_DB_URL", "jdbc:mysql://x")))
        .hasMessageContaining("jdbc:mysql://x");
    assertThatThrownBy(() -> ServerConfig.load(null, Map.of("ATOMIC_OTLP_ENDPOINT", "ftp://x")))
        .hasMessageContaining("ftp://x");
    Path notMapping = yaml("- a\n- b\n");
    assertThatThrownBy(() -> ServerConfig.load(notMapping, Map.of())).hasMessageContaining("mapping");
    assertThatThrownBy(() -> ServerConfig.load(dir.resolve("missing.yaml"), Map.of()))
        .hasMessageContaining("missing.yaml");
  }

  @Test
  void toString_neverShowsSecrets() {
    ServerConfig config = ServerConfig.load(null, Map.of("ATOMIC_DB_PASSWORD", "hunter2-secret",
        "ATOMIC_OTLP_HEADERS", "api-key=sk-live-abcdef"));
    assertThat(config.toString()).doesNotContain("hunter2-secret").doesNotContain("sk-live-abcdef")
        .contains("******");
  }
}
