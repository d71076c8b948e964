package dev.atomic.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The service logs its configuration as JSON at start, and keys never appear in the log. */
class SecretLoggingTest {

  @TempDir
  Path dir;

  @AfterEach
  void restoreLogging() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void startup_logsTheConfigAsJsonWithoutItsKeys() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLogging.install(out, "INFO");
    ServerConfig config = ServerConfig.load(null, Map.of(
            "ATOMIC_DB_PASSWORD", "pg-pass-7731",
            "ATOMIC_OTLP_HEADERS", "api-key=sk-test-9f8e7d6c"))
        .withPort(0).withStoreUrl(dir.resolve("a.db").toString());
    try (AtomicServer server = AtomicServer.builder(config).start()) {
      LoggerFactory.getLogger("test").info("config again: {}", server.config());
    }
    String log = out.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("Atomic server starting").contains("\"level\":\"INFO\"");
    assertThat(log).contains("******");
    assertThat(log).doesNotContain("sk-test-9f8e7d6c").doesNotContain("pg-pass-7731");
  }
}
