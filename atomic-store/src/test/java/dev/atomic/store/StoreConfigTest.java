package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {

  @TempDir
  Path dir;

  @Test
  void postgres_urlOfAnotherDatabase_isRejected() {
    assertThatThrownBy(() -> new StoreConfig().postgres("jdbc:mysql://x/y", "u", "", "atomic"))
        .hasMessageContaining("starts with 'jdbc:postgresql:', was 'jdbc:mysql://x/y'");
  }

  @Test
  void postgres_schemaWithQuotes_isRejected() {
    assertThatThrownBy(() -> new StoreConfig().postgres("jdbc:postgresql://h/db", "u", "", "a\"; drop"))
        .hasMessageContaining("schema must be a lower-case SQL name");
  }

  @Test
  void sqlite_directory_isRejected() {
    assertThatThrownBy(() -> new StoreConfig().sqlite(dir)).hasMessageContaining("is a directory");
  }

  @Test
  void setters_badNumbers_showTheValue() {
    StoreConfig config = new StoreConfig();

    assertThatThrownBy(() -> config.queueCapacity(0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> config.maxBatch(-3)).hasMessageContaining("was -3");
    assertThatThrownBy(() -> config.poolSize(1)).hasMessageContaining("was 1");
    assertThatThrownBy(() -> config.enqueueTimeout(Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> config.linger(Duration.ofSeconds(2))).hasMessageContaining("was PT2S");
    assertThatThrownBy(() -> config.linger(Duration.ofMillis(-1))).hasMessageContaining("was PT-0.001S");
    assertThatThrownBy(() -> config.apiKeyCache(Duration.ofMinutes(2))).hasMessageContaining("was PT2M");
    assertThatThrownBy(() -> config.apiKeyCache(Duration.ofSeconds(-1))).hasMessageContaining("was PT-1S");
  }

  @Test
  void settings_batchLargerThanQueue_isRejected() {
    StoreConfig config = new StoreConfig().queueCapacity(10).maxBatch(20);

    assertThatThrownBy(config::settings).hasMessageContaining("maxBatch (20) must not exceed queueCapacity (10)");
  }

  @Test
  void open_unreachablePostgres_failsPromptlyNamingTheDatabase() {
    // Port 1 on the loopback refuses at once; nothing listens there.
    assertThatThrownBy(() -> Store.open(c -> c.postgres("jdbc:postgresql://127.0.0.1:1/none", "u", "", "atomic")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("could not connect to PostgreSQL jdbc:postgresql://127.0.0.1:1/none schema atomic");
  }

  @Test
  void open_sqliteInANewFolder_createsIt() {
    Path file = dir.resolve("nested/deeper/ledger.db");

    try (Store store = Store.open(c -> c.sqlite(file))) {
      assertThat(store.loadState("none")).isEmpty();
    }
    assertThat(file).exists();
  }
}
