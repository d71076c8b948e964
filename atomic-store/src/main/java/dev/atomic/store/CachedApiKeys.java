package dev.atomic.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The API keys as every request checks them: the answer for a presented key (its tenant, or none) is kept for a short
 * while, so that the service does not read the database on every request. Keys issued or revoked through this store
 * count at once; a key revoked elsewhere (by {@code atomic tenants revoke}, or another server on the same database)
 * stops working within one {@code ttl}. Only keys' hashes are held, as in the database.
 */
final class CachedApiKeys implements ApiKeys {

  private static final int MAX_KEYS = 10_000;

  private final JdbcApiKeys keys;
  private final InstantSource clock;
  private final long ttlMillis;
  private final Cache<String, Optional<String>> tenants;
  /** Keys are never deleted, so once one exists the answer is yes for good; no is read again after a ttl. */
  private volatile boolean anyIssued;
  private volatile boolean anyChecked;
  private volatile long anyCheckedAtMillis;

  CachedApiKeys(JdbcApiKeys keys, InstantSource clock, Duration ttl) {
    this.keys = keys;
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.tenants = Caffeine.newBuilder()
        .maximumSize(MAX_KEYS)
        .expireAfterWrite(ttl)
        .ticker(() -> clock.millis() * 1_000_000L)
        .build();
  }

  @Override
  public Issued issue(String tenant) {
    Issued issued = keys.issue(tenant);
    anyIssued = true;
    return issued;
  }

  @Override
  public Optional<String> tenantOf(String presentedKey) {
    if (!JdbcApiKeys.wellFormed(presentedKey)) {
      return Optional.empty(); // never worth a read, nor a place in the cache
    }
    return tenants.get(JdbcApiKeys.sha256(presentedKey), keys::tenantOfHash);
  }

  @Override
  public boolean revoke(String keyId) {
    boolean revoked = keys.revoke(keyId);
    if (revoked) {
      tenants.invalidateAll(); // the cache knows keys by hash, not by id: forget them all, they are read again
    }
    return revoked;
  }

  @Override
  public List<KeyInfo> list() {
    return keys.list();
  }

  @Override
  public boolean anyIssued() {
    if (anyIssued) {
      return true;
    }
    long now = clock.millis();
    if (!anyChecked || now - anyCheckedAtMillis >= ttlMillis || now < anyCheckedAtMillis) {
      anyIssued = keys.anyIssued();
      anyCheckedAtMillis = now;
      anyChecked = true;
    }
    return anyIssued;
  }
}
