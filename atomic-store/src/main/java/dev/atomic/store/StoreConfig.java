package dev.atomic.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configures a {@link Store}: which database, and how writes are batched. Given to {@link Store#open}; each setter
 * checks its value at once, and the configuration is copied when the store opens, so later changes have no effect.
 *
 * <p>The default is SQLite in {@code atomic.db} in the working directory.
 */
public final class StoreConfig {

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Settings.Database database = new Settings.Sqlite(Path.of("atomic.db"));
  private int queueCapacity = 10_000;
  private int maxBatch = 500;
  private Duration linger = Duration.ofMillis(2);
  private Duration enqueueTimeout = Duration.ofSeconds(5);
  private int poolSize = 4;
  private InstantSource clock = InstantSource.system();
  private Duration apiKeyCache = Duration.ofSeconds(1);

  StoreConfig() {}

  /** An embedded SQLite database in one file, created if absent. */
  public StoreConfig sqlite(Path file) {
    Objects.requireNonNull(file, "file");
    if (java.nio.file.Files.isDirectory(file)) {
      throw new IllegalArgumentException("the SQLite file " + file.toAbsolutePath() + " is a directory");
    }
    this.database = new Settings.Sqlite(file);
    return this;
  }

  /**
   * A PostgreSQL database, its tables in {@code schema} (created if absent).
   *
   * @param jdbcUrl such as {@code jdbc:postgresql://127.0.0.1:5432/atomic}
   */
  public StoreConfig postgres(String jdbcUrl, String user, String password, String schema) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("a PostgreSQL URL starts with 'jdbc:postgresql:', was '" + jdbcUrl + "'");
    }
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(schema, "schema");
    if (!SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema must be a lower-case SQL name (letters, digits, '_', at most 63), was '" + schema + "'");
    }
    this.database = new Settings.Postgres(jdbcUrl, user, password, schema);
    return this;
  }

  /** How many writes may wait for the writer; beyond that, {@link Store#record} waits up to the enqueue timeout. */
  public StoreConfig queueCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, was " + capacity);
    }
    this.queueCapacity = capacity;
    return this;
  }

  /** The most writes committed in one transaction. */
  public StoreConfig maxBatch(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, was " + size);
    }
    this.maxBatch = size;
    return this;
  }

  /**
   * How long the writer waits, once a write arrives, for others to join its transaction (group commit). A request
   * queues several writes (its microtask, decision and execution) a fraction of a millisecond apart; without the wait
   * each would be a commit of its own, with its fsync, competing with the request for the cores. Acknowledgements come
   * that much later; no request waits for them. Zero commits each write as soon as the writer is free.
   */
  public StoreConfig linger(Duration linger) {
    Objects.requireNonNull(linger, "linger");
    if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("linger must be between 0 and 1 s, was " + linger);
    }
    this.linger = linger;
    return this;
  }

  /** How long {@link Store#record} may wait for room in a full queue before it throws. */
  public StoreConfig enqueueTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("enqueueTimeout must not be negative, was " + timeout);
    }
    this.enqueueTimeout = timeout;
    return this;
  }

  /** How many database connections the store keeps, the writer's included. */
  public StoreConfig poolSize(int size) {
    if (size < 2) {
      throw new IllegalArgumentException("poolSize must be at least 2 (one writer, one reader), was " + size);
    }
    this.poolSize = size;
    return this;
  }

  /** The clock that stamps saved state and journal entries; other entries carry their own times. */
  public StoreConfig clock(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How long the answer for a presented API key is kept before the database is read again: a key revoked by another
   * process (the CLI, another server on the same database) stops working within this time; through this store, at
   * once. Zero reads the database on every request. At most a minute.
   */
  public StoreConfig apiKeyCache(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("apiKeyCache must be between 0 and 1 min, was " + ttl);
    }
    this.apiKeyCache = ttl;
    return this;
  }

  Settings settings() {
    if (maxBatch > queueCapacity) {
      throw new IllegalArgumentException(
          "maxBatch (" + maxBatch + ") must not exceed queueCapacity (" + queueCapacity + ")");
    }
    return new Settings(database, queueCapacity, maxBatch, linger, enqueueTimeout, poolSize, clock, apiKeyCache);
  }
}
