package dev.atomic.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.server.AtomicServer;
import dev.atomic.server.Http;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.server.ServerConfig;
import dev.atomic.server.TenancyConfig;
import dev.atomic.store.ApiKeys;
import dev.atomic.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service whose ledger holds no key yet: open until the first key is issued, unless keys are required. */
class OpenTenancyTest {

  @TempDir
  Path dir;

  private AtomicServer start(TenancyConfig tenancy) {
    return AtomicServer.builder(ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("atomic.db").toString())
        .withSeed(3).withTenancy(tenancy)).bidder(new ScriptedBidder("only", 0.9, 0.0001, 1, "ok")).start();
  }

  @Test
  void noKeyIssued_servesCallersAsTheTenantTheyName_untilTheFirstKeyCloses() {
    try (AtomicServer server = start(TenancyConfig.defaults())) {
      Http anonymous = new Http(server.port());
      Http.Reply open = anonymous.post("/v1/microtasks", "{\"kind\":\"doc.open\",\"tenant\":\"acme\"}");
      assertThat(open.status()).as(open.body()).isEqualTo(200);
      assertThat(open.json().path("decision").path("tenant").asText()).isEqualTo("acme");

      String key = server.store().apiKeys().issue("acme").key();

      Http.Reply closed = anonymous.get("/v1/decisions");
      assertThat(closed.status()).isEqualTo(401);
      assertThat(new Http(server.port(), key).get("/v1/decisions").status()).isEqualTo(200);
    }
  }

  @Test
  void requireApiKeys_refusesCallersEvenBeforeAnyKeyExists() {
    try (AtomicServer server = start(TenancyConfig.defaults().withRequiredApiKeys(true))) {
      Http.Reply refused = new Http(server.port()).post("/v1/microtasks", "{\"kind\":\"doc.open\"}");

      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.errorCode()).isEqualTo("unauthenticated");
    }
  }

  @Test
  void keyCacheOff_aKeyRevokedByAnotherProcessIsRefusedAtOnce() throws Exception {
    try (AtomicServer server = start(TenancyConfig.defaults().withKeyCacheSeconds(0))) {
      ApiKeys.Issued acme = server.store().apiKeys().issue("acme");
      Http client = new Http(server.port(), acme.key());
      assertThat(client.get("/v1/decisions").status()).isEqualTo(200);

      try (Store cli = Store.open(c -> c.sqlite(dir.resolve("atomic.db")))) { // as `atomic tenants revoke` would
        assertThat(cli.apiKeys().revoke(acme.keyId())).isTrue();
      }

      assertThat(client.get("/v1/decisions").status()).isEqualTo(401);
    }
  }
}
