package dev.atomic.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys of the service, each bound to one tenant. Only a key's SHA-256 is stored; {@link #issue} returns the key
 * itself once, and nothing can show it again.
 */
public interface ApiKeys {

  /** What a tenant name may be: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
  Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /**
   * A key just issued.
   *
   * @param key the secret to hand to the client; never stored, never logged
   * @param keyId the key's public name, to list and revoke it
   */
  record Issued(String tenant, String keyId, String key) {
    @Override
    public String toString() {
      return "Issued[tenant=" + tenant + ", keyId=" + keyId + ", key=******]";
    }
  }

  /** A stored key, without its secret. */
  record KeyInfo(String keyId, String tenant, Instant createdAt, Optional<Instant> revokedAt) {}

  /**
   * Issues a new random key for the tenant and returns it; only its hash is kept.
   *
   * @throws IllegalArgumentException when the tenant name does not match {@link #TENANT}
   */
  Issued issue(String tenant);

  /** The tenant of a presented key, when it is a key that was issued and not revoked. */
  Optional<String> tenantOf(String presentedKey);

  /** Revokes a key by its public name; false when no live key has that name. */
  boolean revoke(String keyId);

  /** Every key, revoked ones included, oldest first. */
  List<KeyInfo> list();

  /** Whether any key was ever issued (revoked ones count: the service stays closed once it was). */
  default boolean anyIssued() {
    return !list().isEmpty();
  }

  /** Checks a tenant name, for the places that take one from users. */
  static String requireTenant(String tenant) {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("a tenant is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting "
          + "with a letter or digit, was '" + tenant + "'");
    }
    return tenant;
  }
}
