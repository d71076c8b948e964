package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest extends StoreFixture {

  @Test
  void issue_thenTenantOf_resolvesTheKeysTenant() {
    ApiKeys.Issued acme = store.apiKeys().issue("acme");
    ApiKeys.Issued globex = store.apiKeys().issue("globex");

    assertThat(store.apiKeys().tenantOf(acme.key())).contains("acme");
    assertThat(store.apiKeys().tenantOf(globex.key())).contains("globex");
    assertThat(acme.key()).startsWith("atomic_" + acme.keyId() + "_").isNotEqualTo(globex.key());
  }

  @Test
  void tenantOf_wrongOrAlteredKey_isEmpty() {
    ApiKeys.Issued acme = store.apiKeys().issue("acme");
    String altered = acme.key().substring(0, acme.key().length() - 1)
        + (acme.key().endsWith("A") ? "B" : "A");

    assertThat(store.apiKeys().tenantOf(altered)).isEmpty();
    assertThat(store.apiKeys().tenantOf("")).isEmpty();
    assertThat(store.apiKeys().tenantOf(null)).isEmpty();
    assertThat(store.apiKeys().tenantOf("atomic_" + "x".repeat(500))).isEmpty();
  }

  @Test
  void issue_storesOnlyTheHashOfTheKey() throws Exception {
    ApiKeys.Issued acme = store.apiKeys().issue("acme");
    String secret = acme.key().substring(acme.key().lastIndexOf('_') + 1);

    List<List<String>> rows = database.rows("SELECT * FROM api_key");

    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row).contains(JdbcApiKeys.sha256(acme.key()), acme.keyId(), "acme");
      assertThat(row).allSatisfy(cell -> assertThat(String.valueOf(cell)).doesNotContain(secret));
    });
    assertThat(acme.toString()).doesNotContain(secret);
  }

  @Test
  void revoke_keyNoLongerResolves() {
    ApiKeys.Issued first = store.apiKeys().issue("acme");
    ApiKeys.Issued second = store.apiKeys().issue("acme");

    assertThat(store.apiKeys().revoke(first.keyId())).isTrue();
    assertThat(store.apiKeys().revoke(first.keyId())).isFalse();
    assertThat(store.apiKeys().revoke("no-such-key")).isFalse();

    assertThat(store.apiKeys().tenantOf(first.key())).isEmpty();
    assertThat(store.apiKeys().tenantOf(second.key())).contains("acme");
    List<ApiKeys.KeyInfo> keys = store.apiKeys().list();
    assertThat(keys).extracting(ApiKeys.KeyInfo::keyId).containsExactlyInAnyOrder(first.keyId(), second.keyId());
    assertThat(keys).filteredOn(k -> k.keyId().equals(first.keyId())).singleElement()
        .satisfies(k -> assertThat(k.revokedAt()).isPresent());
  }

  @Test
  void issue_badTenantName_isRejectedNamingIt() {
    assertThatThrownBy(() -> store.apiKeys().issue("Acme Corp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 'Acme Corp'");
    assertThat(store.apiKeys().list()).isEmpty();
  }
}
