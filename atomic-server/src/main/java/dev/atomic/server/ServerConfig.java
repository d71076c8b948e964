package dev.atomic.server;

import dev.atomic.exchange.Utility;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the service is configured with, sealed once read: where it listens, which ledger it writes, how the
 * exchange trades quality against cost, and where traces go. Read it with {@link #load} from one YAML file plus
 * environment variables ({@code ATOMIC_PORT}, {@code ATOMIC_DB_URL}, ...; see {@code config/atomic.example.yaml}), or
 * start from {@link #defaults()} and change single values with the {@code with...} methods.
 *
 * <p>Secrets are {@link Secret}s, so printing a config never prints them.
 *
 * @param host the interface to listen on
 * @param port the TCP port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param storeUrl a SQLite file path, or a {@code jdbc:postgresql:} URL
 * @param storeUser the PostgreSQL user; ignored for SQLite
 * @param storePassword the PostgreSQL password, or {@code null}
 * @param storeSchema the PostgreSQL schema for Atomic's tables
 * @param seed the exchange's exploration seed, or {@code null} for a random one
 * @param utility the exchange's default trade-off of quality against cost and latency
 * @param otlpEndpoint where to export traces over OTLP/HTTP, or {@code null} to export nothing (the default)
 * @param otlpHeaders headers for the OTLP exporter (such as an API key)
 * @param serviceName the {@code service.name} of traces
 * @param premiumBidder the bidder the dashboard's savings are measured against; {@code null} means the most expensive
 *     eligible bid of each decision
 * @param tenancy per-tenant request rates, budgets and learning scopes; callers are bound to tenants by API keys
 * @param checkpointSeconds how often the exchange's learned state and pending awards are saved while serving, so a
 *     crash loses at most that much learning (a clean stop always saves); 0 saves only at a clean stop
 */
public record ServerConfig(
    String host,
    int port,
    long maxBodyBytes,
    String storeUrl,
    String storeUser,
    Secret storePassword,
    String storeSchema,
    Long seed,
    Utility utility,
    URI otlpEndpoint,
    Map<String, Secret> otlpHeaders,
    String serviceName,
    String premiumBidder,
    TenancyConfig tenancy,
    int checkpointSeconds) {

  /** The embedded default database: a SQLite file under {@code ./data/}. */
  public static final String DEFAULT_STORE = "data/atomic.db";

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
    }
    if (maxBodyBytes < 1_024 || maxBodyBytes > 64L * 1024 * 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be in [1024, 67108864], was " + maxBodyBytes);
    }
    Objects.requireNonNull(storeUrl, "storeUrl");
    if (storeUrl.isBlank()) {
      throw new IllegalArgumentException("storeUrl must not be blank");
    }
    if (storeUrl.startsWith("jdbc:") && !storeUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "storeUrl must be a SQLite file path or a 'jdbc:postgresql:' URL, was '" + storeUrl + "'");
    }
    Objects.requireNonNull(storeUser, "storeUser");
    Objects.requireNonNull(storeSchema, "storeSchema");
    Objects.requireNonNull(utility, "utility");
    if (otlpEndpoint != null && !("http".equals(otlpEndpoint.getScheme()) || "https".equals(otlpEndpoint.getScheme()))) {
      throw new IllegalArgumentException("otlpEndpoint must be an http or https URL, was '" + otlpEndpoint + "'");
    }
    otlpHeaders = Map.copyOf(otlpHeaders);
    Objects.requireNonNull(serviceName, "serviceName");
    if (premiumBidder != null && premiumBidder.isBlank()) {
      throw new IllegalArgumentException("premiumBidder must not be blank when set");
    }
    Objects.requireNonNull(tenancy, "tenancy");
    if (checkpointSeconds < 0 || checkpointSeconds > 86_400) {
      throw new IllegalArgumentException("checkpointSeconds must be in [0, 86400], was " + checkpointSeconds);
    }
  }

  /** Listens on 127.0.0.1:8080, SQLite under {@code ./data/}, tracing off. */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, 1024 * 1024, DEFAULT_STORE, "atomic", null, "atomic", null,
        Utility.of(20, 0.05), null, Map.of(), "atomic", null,
        TenancyConfig.defaults(), 10);
  }

  /**
   * Reads the YAML file (when not {@code null}) over the defaults, then the environment over that.
   *
   * @throws IllegalArgumentException naming the file, key and value when something is malformed or out of range
   */
  public static ServerConfig load(Path yamlFile, Map<String, String> environment) {
    return ConfigReader.read(yamlFile, environment);
  }

  /** Whether the ledger is PostgreSQL rather than the embedded SQLite file. */
  public boolean postgres() {
    return storeUrl.startsWith("jdbc:postgresql:");
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, maxBodyBytes, storeUrl, storeUser, storePassword, storeSchema, seed, utility,
        otlpEndpoint, otlpHeaders, serviceName, premiumBidder, tenancy, checkpointSeconds);
  }

  public ServerConfig withStoreUrl(String url) {
    return new ServerConfig(host, port, maxBodyBytes, url, storeUser, storePassword, storeSchema, seed, utility,
        otlpEndpoint, otlpHeaders, serviceName, premiumBidder, tenancy, checkpointSeconds);
  }

  public ServerConfig withMaxBodyBytes(long bytes) {
    return new ServerConfig(host, port, bytes, storeUrl, storeUser, storePassword, storeSchema, seed, utility,
        otlpEndpoint, otlpHeaders, serviceName, premiumBidder, tenancy, checkpointSeconds);
  }

  public ServerConfig withSeed(long newSeed) {
    return new ServerConfig(host, port, maxBodyBytes, storeUrl, storeUser, storePassword, storeSchema, newSeed, utility,
        otlpEndpoint, otlpHeaders, serviceName, premiumBidder, tenancy, checkpointSeconds);
  }

  public ServerConfig withPremiumBidder(String bidder) {
    return new ServerConfig(host, port, maxBodyBytes, storeUrl, storeUser, storePassword, storeSchema, seed, utility,
        otlpEndpoint, otlpHeaders, serviceName, bidder, tenancy, checkpointSeconds);
  }

  public ServerConfig withCheckpointSeconds(int seconds) {
    return new ServerConfig(host, port, maxBodyBytes, storeUrl, storeUser, storePassword, storeSchema, seed, utility,
        otlpEndpoint, otlpHeaders, serviceName, premiumBidder, tenancy, seconds);
  }

  public ServerConfig withTenancy(TenancyConfig newTenancy) {
    return new ServerConfig(host, port, maxBodyBytes, storeUrl, storeUser, storePassword, storeSchema, seed, utility,
        otlpEndpoint, otlpHeaders, serviceName, premiumBidder, newTenancy, checkpointSeconds);
  }
}
