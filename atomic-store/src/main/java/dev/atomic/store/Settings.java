package dev.atomic.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/** The sealed copy of a {@link StoreConfig} that an open store runs with. */
record Settings(Database database, int queueCapacity, int maxBatch, Duration linger, Duration enqueueTimeout,
    int poolSize, InstantSource clock, Duration apiKeyCache) {

  sealed interface Database permits Sqlite, Postgres {
    String describe();
  }

  record Sqlite(Path file) implements Database {
    @Override
    public String describe() {
      return "SQLite " + file.toAbsolutePath();
    }
  }

  record Postgres(String url, String user, String password, String schema) implements Database {
    @Override
    public String describe() {
      return "PostgreSQL " + url + " schema " + schema;
    }

    @Override
    public String toString() {
      return "Postgres[url=" + url + ", user=" + user + ", schema=" + schema + "]";
    }
  }
}
