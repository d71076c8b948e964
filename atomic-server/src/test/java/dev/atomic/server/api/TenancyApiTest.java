package dev.atomic.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.governance.audit.AuditEntry;
import dev.atomic.governance.audit.AuditType;
import dev.atomic.governance.audit.AuditVerifier;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.Http;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.server.ServerConfig;
import dev.atomic.server.TenancyConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenants over real HTTP: keys, isolation of everything a tenant owns, rate limits, and the audit of awards. */
class TenancyApiTest {

  @TempDir
  static Path dir;

  /** A clock that moves only when told, so the rate limit is tested without sleeping. */
  static final AtomicLong NOW = new AtomicLong(Instant.parse("2026-11-26T02:00:00Z").toEpochMilli());
  static final InstantSource CLOCK = () -> Instant.ofEpochMilli(NOW.get());

  static AtomicServer server;
  static String acmeKey;
  static Http acme;
  static Http globex;
  static Http anonymous;

  @BeforeAll
  static void start() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("atomic.db").toString())
        .withSeed(7).withTenancy(TenancyConfig.defaults().withRate(1, 200).withBudget("broke", 0));
    server = AtomicServer.builder(config).clock(CLOCK)
        .bidder(new ScriptedBidder("cheap", 0.9, 0.0001, 1, "ok")).start();
    acmeKey = server.store().apiKeys().issue("acme").key();
    acme = new Http(server.port(), acmeKey);
    globex = new Http(server.port(), server.store().apiKeys().issue("globex").key());
    anonymous = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String submit(Http http, String body) {
    Http.Reply r = http.post("/v1/microtasks", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("decisionId").asText();
  }

  @Test
  void missingOrWrongKey_is401_whileHealthStaysOpen() {
    Http.Reply none = anonymous.get("/v1/decisions");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo("unauthenticated");
    assertThat(none.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");

    Http.Reply wrong = new Http(server.port(), "atomic_000000000000_not-a-key").get("/v1/decisions");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.errorCode()).isEqualTo("invalid_key");
    assertThat(anonymous.post("/v1/microtasks", "{\"kind\":\"x\"}").status()).isEqualTo(401);

    assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
    assertThat(anonymous.get("/dashboard/").status()).isEqualTo(200);
  }

  @Test
  void submit_takesTheCallersTenant_andRefusesAnother() {
    String id = submit(acme, "{\"kind\":\"doc.tag\"}");
    assertThat(acme.get("/v1/decisions/" + id).json().path("tenant").asText()).isEqualTo("acme");
    submit(acme, "{\"kind\":\"doc.tag\",\"tenant\":\"acme\"}");

    Http.Reply other = acme.post("/v1/microtasks", "{\"kind\":\"doc.tag\",\"tenant\":\"globex\"}");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.errorCode()).isEqualTo("wrong_tenant");
  }

  @Test
  void anotherTenantsDecision_isNotFound_forReadingListingOrFeedback() {
    String mine = submit(acme, "{\"kind\":\"doc.secret\"}");
    String theirs = submit(globex, "{\"kind\":\"doc.secret\"}");

    Http.Reply read = globex.get("/v1/decisions/" + mine);
    assertThat(read.status()).isEqualTo(404);
    assertThat(read.errorCode()).isEqualTo("not_found");
    Http.Reply feedback = globex.post("/v1/decisions/" + mine + "/feedback", "{\"quality\":0}");
    assertThat(feedback.status()).isEqualTo(404);
    // The owner may still give feedback: the other tenant's attempt changed nothing.
    assertThat(acme.post("/v1/decisions/" + mine + "/feedback", "{\"quality\":1}").status()).isEqualTo(200);

    JsonNode listed = globex.get("/v1/decisions?kind=doc.secret").json().path("items");
    assertThat(listed).extracting(n -> n.path("id").asText()).contains(theirs).doesNotContain(mine);
    assertThat(listed).allSatisfy(n -> assertThat(n.path("tenant").asText()).isEqualTo("globex"));
    Http.Reply peek = globex.get("/v1/decisions?tenant=acme");
    assertThat(peek.status()).isEqualTo(403);
  }

  @Test
  void anotherTenantsAsyncMicrotask_isNotFound() {
    Http.Reply accepted = acme.post("/v1/microtasks?async=true", "{\"id\":\"async-acme-1\",\"kind\":\"doc.async\"}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

    assertThat(globex.get("/v1/microtasks/async-acme-1").status()).isEqualTo(404);
    assertThat(acme.get("/v1/microtasks/async-acme-1").status()).isEqualTo(200);
  }

  @Test
  void overTheRate_is429WithRetryAfter_untilTheBucketRefills() {
    Http greedy = new Http(server.port(), server.store().apiKeys().issue("greedy").key());
    for (int i = 0; i < 200; i++) {
      assertThat(greedy.get("/v1/stats").status()).as("request %d of the burst", i + 1).isEqualTo(200);
    }

    Http.Reply refused = greedy.get("/v1/stats");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.errorCode()).isEqualTo("rate_limited");
    assertThat(refused.raw().headers().firstValue("Retry-After")).contains("1");
    // Other tenants have buckets of their own.
    assertThat(acme.get("/v1/stats").status()).isEqualTo(200);

    NOW.addAndGet(Duration.ofSeconds(1).toMillis());
    assertThat(greedy.get("/v1/stats").status()).isEqualTo(200);
  }

  @Test
  void statsAndBidders_showOnlyTheCallersOwnRecord() {
    Http initech = new Http(server.port(), server.store().apiKeys().issue("initech").key());
    Http umbrella = new Http(server.port(), server.store().apiKeys().issue("umbrella").key());
    for (int i = 0; i < 3; i++) {
      NOW.addAndGet(Duration.ofSeconds(1).toMillis());
      submit(initech, "{\"kind\":\"doc.own-stats\"}");
    }
    JsonNode mine = initech.get("/v1/stats").json();
    JsonNode theirs = umbrella.get("/v1/stats").json();
    assertThat(mine.path("decisions").asLong()).isEqualTo(3);
    assertThat(theirs.path("decisions").asLong()).isZero();

    JsonNode cheapForThem = umbrella.get("/v1/bidders").json().path("bidders").get(0);
    assertThat(cheapForThem.path("id").asText()).isEqualTo("cheap");
    assertThat(cheapForThem.path("learned")).isEmpty();
    assertThat(cheapForThem.path("ledger").path("wins").asLong(0)).isZero();
    JsonNode cheapForMe = initech.get("/v1/bidders").json().path("bidders").get(0);
    assertThat(cheapForMe.path("ledger").path("wins").asLong()).isEqualTo(3);
  }

  @Test
  void award_isAuditedWithItsTenant_andTheChainVerifies() {
    String id = submit(globex, "{\"kind\":\"doc.audited\"}");

    server.audit().flush();
    List<AuditEntry> audit = server.store().audit().read(1, Long.MAX_VALUE);
    assertThat(audit).filteredOn(e -> e.type() == AuditType.AWARD && id.equals(e.details().get("decision")))
        .singleElement().satisfies(e -> assertThat(e.tenant()).isEqualTo("globex"));
    assertThat(AuditVerifier.verify(audit).intact()).isTrue();
  }

  @Test
  void budget_fromConfiguration_holdsTheTenantsSpend() {
    Http broke = new Http(server.port(), server.store().apiKeys().issue("broke").key());

    Http.Reply refused = broke.post("/v1/microtasks", "{\"kind\":\"doc.costly\"}");

    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("no_eligible_bid");
    submit(acme, "{\"kind\":\"doc.costly\"}");
  }

  @Test
  void stream_takesTheKeyAsAnAccessToken_andShowsOnlyTheTenantsDecisions() throws Exception {
    assertThat(anonymous.get("/v1/decisions?access_token=" + acmeKey).status())
        .as("only the stream takes the key in the address").isEqualTo(401);
    HttpRequest request = HttpRequest.newBuilder(URI.create(anonymous.base() + Tenancy.STREAM + "?access_token="
        + acmeKey)).header("Accept", "text/event-stream").build();
    CompletableFuture<Void> connected = new CompletableFuture<>();
    List<String> events = new CopyOnWriteArrayList<>();
    CompletableFuture<String> sawOwn = new CompletableFuture<>();
    anonymous.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response ->
        response.body().forEach(line -> {
          if (line.startsWith(":")) {
            connected.complete(null);
          }
          if (line.startsWith("data:")) {
            events.add(line);
            if (line.contains("doc.streamed.acme")) {
              sawOwn.complete(line);
            }
          }
        }), command -> Thread.ofVirtual().start(command)); // the stream never ends: read it off this thread
    connected.get(10, TimeUnit.SECONDS);

    String theirs = submit(globex, "{\"kind\":\"doc.streamed.globex\"}");
    String mine = submit(acme, "{\"kind\":\"doc.streamed.acme\"}");

    // Events go out in decision order, so globex's would have arrived before acme's own.
    assertThat(sawOwn.get(10, TimeUnit.SECONDS)).contains(mine);
    assertThat(events).noneMatch(e -> e.contains(theirs));
  }
}
