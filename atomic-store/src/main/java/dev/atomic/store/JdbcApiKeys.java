package dev.atomic.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/*
 * Keys are 32 bytes from SecureRandom, so a plain SHA-256 (no salt, no slow hash) is enough: there is no dictionary to
 * try against 256 random bits, and lookups stay one indexed read per request. The key carries its public id as a
 * prefix ("atomic_<id>_<secret>") so an operator can tell which key a client holds without the store keeping it.
 */
final class JdbcApiKeys implements ApiKeys {

  private static final String PREFIX = "atomic_";

  private final DataSource dataSource;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();

  JdbcApiKeys(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public Issued issue(String tenant) {
    ApiKeys.requireTenant(tenant);
    byte[] id = new byte[6];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    String keyId = HexFormat.of().formatHex(id);
    String key = PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try (Connection connection = dataSource.getConnection();
        var statement = connection.prepareStatement(
            "INSERT INTO api_key (key_hash, key_id, tenant, created_at) VALUES (?, ?, ?, ?)")) {
      Sql.bind(statement, List.of(sha256(key), keyId, tenant, clock.millis()));
      statement.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new StoreException("could not store a new API key for tenant " + tenant + ": " + e.getMessage(), e);
    }
    return new Issued(tenant, keyId, key);
  }

  @Override
  public Optional<String> tenantOf(String presentedKey) {
    return wellFormed(presentedKey) ? tenantOfHash(sha256(presentedKey)) : Optional.empty();
  }

  /** Whether a presented key could be one of ours at all; anything else is refused without a read. */
  static boolean wellFormed(String presentedKey) {
    return presentedKey != null && presentedKey.startsWith(PREFIX) && presentedKey.length() <= 200;
  }

  /** The tenant of the live key with this hash. */
  Optional<String> tenantOfHash(String keyHash) {
    return Sql.query(dataSource, "an API key",
        "SELECT tenant FROM api_key WHERE key_hash = ? AND revoked_at IS NULL", List.of(keyHash),
        rs -> rs.getString(1)).stream().findFirst();
  }

  @Override
  public boolean anyIssued() {
    return !Sql.query(dataSource, "the API keys", "SELECT key_id FROM api_key LIMIT 1", List.of(),
        rs -> rs.getString(1)).isEmpty();
  }

  @Override
  public boolean revoke(String keyId) {
    Checks.id("key id", keyId);
    try (Connection connection = dataSource.getConnection();
        var statement = connection.prepareStatement(
            "UPDATE api_key SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL")) {
      Sql.bind(statement, List.of(clock.millis(), keyId));
      int changed = statement.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return changed > 0;
    } catch (SQLException e) {
      throw new StoreException("could not revoke API key " + keyId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<KeyInfo> list() {
    return Sql.query(dataSource, "the API keys",
        "SELECT key_id, tenant, created_at, revoked_at FROM api_key ORDER BY created_at, key_id", List.of(), rs -> {
          long revoked = rs.getLong("revoked_at");
          Optional<java.time.Instant> revokedAt = rs.wasNull() ? Optional.empty()
              : Optional.of(java.time.Instant.ofEpochMilli(revoked));
          return new KeyInfo(rs.getString("key_id"), rs.getString("tenant"), Sql.instant(rs, "created_at"), revokedAt);
        });
  }

  static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }
}
