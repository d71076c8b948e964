package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server's store answers for a key from memory for a while: what it issues or revokes counts at once, what another
 * process (here, a second store on the same database) revokes or issues counts within the cache time.
 */
class CachedApiKeysTest extends StoreFixture {

  private final AtomicLong millis = new AtomicLong(1_000_000);
  private final InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
  private Store server;

  @BeforeEach
  void openServersStore() {
    server = database.open(c -> c.clock(clock).apiKeyCache(Duration.ofSeconds(1)));
  }

  @AfterEach
  void closeServersStore() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void keyRevokedElsewhere_stopsWorkingWithinTheCacheTime() {
    ApiKeys.Issued acme = store.apiKeys().issue("acme");
    assertThat(server.apiKeys().tenantOf(acme.key())).contains("acme");

    assertThat(store.apiKeys().revoke(acme.keyId())).isTrue();
    millis.addAndGet(999);
    assertThat(server.apiKeys().tenantOf(acme.key())).as("still cached").contains("acme");
    millis.addAndGet(1);
    assertThat(server.apiKeys().tenantOf(acme.key())).as("read again after a second").isEmpty();
  }

  @Test
  void keyRevokedThroughThisStore_stopsWorkingAtOnce() {
    ApiKeys.Issued acme = server.apiKeys().issue("acme");
    assertThat(server.apiKeys().tenantOf(acme.key())).contains("acme");

    assertThat(server.apiKeys().revoke(acme.keyId())).isTrue();

    assertThat(server.apiKeys().tenantOf(acme.key())).isEmpty();
  }

  @Test
  void unknownKey_isRemembered_andAKeyIssuedElsewhereStillWorksAfterTheCacheTime() {
    ApiKeys.Issued acme = store.apiKeys().issue("acme");
    String altered = acme.key() + "x";
    assertThat(server.apiKeys().tenantOf(altered)).isEmpty();
    assertThat(server.apiKeys().tenantOf(acme.key())).contains("acme");
    ApiKeys.Issued globex = store.apiKeys().issue("globex");

    assertThat(server.apiKeys().tenantOf(globex.key())).as("never asked before: read at once").contains("globex");
  }

  @Test
  void anyIssued_latchesThroughThisStore_andSeesOtherProcessesWithinTheCacheTime() {
    assertThat(server.apiKeys().anyIssued()).isFalse();
    store.apiKeys().issue("acme");
    assertThat(server.apiKeys().anyIssued()).as("another process's key, within the second").isFalse();
    millis.addAndGet(1_000);
    assertThat(server.apiKeys().anyIssued()).isTrue();
  }

  @Test
  void anyIssued_throughThisStore_isTrueAtOnce() {
    assertThat(server.apiKeys().anyIssued()).isFalse();
    server.apiKeys().issue("acme");
    assertThat(server.apiKeys().anyIssued()).isTrue();
    assertThat(store.apiKeys().anyIssued()).isTrue();
  }

  @Test
  void noCache_readsEveryTime() {
    try (Store uncached = database.open(c -> c.clock(clock).apiKeyCache(Duration.ZERO))) {
      ApiKeys.Issued acme = store.apiKeys().issue("acme");
      assertThat(uncached.apiKeys().tenantOf(acme.key())).contains("acme");
      store.apiKeys().revoke(acme.keyId());
      assertThat(uncached.apiKeys().tenantOf(acme.key())).isEmpty();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
