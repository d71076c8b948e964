package dev.atomic.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.Http;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.server.ServerConfig;
import dev.atomic.store.RunEntry;
import dev.atomic.store.StepEntry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route over real HTTP, against a server on a random port with a SQLite ledger. */
class ApiTest {

  @TempDir
  static Path dir;

  static ScriptedBidder cheap = new ScriptedBidder("cheap", 0.80, 0.0001, 5, "ham");
  static ScriptedBidder premium = new ScriptedBidder("premium", 0.97, 0.02, 50, "spam");
  static AtomicServer server;
  static Http http;
  static String key;

  @BeforeAll
  static void start() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("atomic.db").toString())
        .withSeed(42).withMaxBodyBytes(4096).withTenancy(dev.atomic.server.TenancyConfig.defaults().withRate(1e6, 100_000));
    server = AtomicServer.builder(config).bidder(cheap).bidder(premium).start();
    key = server.store().apiKeys().issue("acme").key();
    http = new Http(server.port(), key);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode submit(String body) {
    return submit(http, body);
  }

  static JsonNode submit(Http client, String body) {
    Http.Reply r = client.post("/v1/microtasks", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void health_answersLiveAndReady() {
    assertThat(http.get("/health/live").json().path("status").asText()).isEqualTo("live");
    Http.Reply ready = http.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("status").asText()).isEqualTo("ready");
  }

  @Test
  void submit_servesAndExplainsTheDecision() {
    JsonNode result = submit("{\"kind\":\"email.spam\",\"input\":{\"subject\":\"win money\"},\"tenant\":\"acme\"}");
    assertThat(result.path("status").asText()).isEqualTo("succeeded");
    assertThat(result.path("servedBy").asText()).isIn("cheap", "premium");
    assertThat(result.path("output").asText()).isIn("ham", "spam");
    JsonNode brief = result.path("decision");
    assertThat(brief.path("id").asText()).isEqualTo(result.path("decisionId").asText());
    assertThat(brief.path("bids").asInt()).isEqualTo(2);
    assertThat(brief.path("winner").asText()).isEqualTo(result.path("servedBy").asText());
    assertThat(brief.path("tenant").asText()).isEqualTo("acme");

    Http.Reply got = http.get("/v1/decisions/" + result.path("decisionId").asText());
    assertThat(got.status()).isEqualTo(200);
    JsonNode bids = got.json().path("bids");
    assertThat(bids).hasSize(2);
    assertThat(bids.get(0).path("won").asBoolean()).isTrue();
    assertThat(bids.get(1).path("loss").path("reason").asText()).contains("below the winner");
    assertThat(got.json().path("explanation").asText()).contains("Awarded to " + result.path("servedBy").asText());
    JsonNode outcome = got.json().path("outcome");
    assertThat(outcome.path("servedBy").asText()).as(got.body()).isEqualTo(result.path("servedBy").asText());
    assertThat(outcome.path("succeeded").asBoolean()).isTrue();
    assertThat(outcome.path("output").asText()).isEqualTo(result.path("output").asText());
    assertThat(outcome.path("attempts")).hasSize(1);
    assertThat(outcome.path("attempts").get(0).path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(outcome.path("costUsd").asDouble()).isEqualTo(result.path("costUsd").asDouble());
    assertThat(outcome.path("feedback").isNull()).isTrue();

    server.store().flush().join();
    assertThat(server.store().ledger().award(result.path("decisionId").asText()).orElseThrow().outputJson())
        .as("the output is recorded with the decision").isEqualTo("\"" + result.path("output").asText() + "\"");
  }

  @Test
  void submit_withExplain_answersEveryBidAndTheExplanation() {
    Http.Reply r = http.post("/v1/microtasks?explain=true", "{\"kind\":\"email.spam\",\"input\":{\"subject\":\"hi\"}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode decision = r.json().path("decision");
    assertThat(decision.path("bids")).hasSize(2);
    assertThat(decision.path("bids").get(1).path("loss").path("reason").asText()).contains("below the winner");
    assertThat(decision.path("explanation").asText()).contains("Awarded to " + r.json().path("servedBy").asText());
  }

  @Test
  void submit_answersTheFieldsItsSchemaNames() throws Exception {
    JsonNode schemas;
    try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
      schemas = new ObjectMapper().readTree(in).path("components").path("schemas");
    }
    JsonNode brief = submit("{\"kind\":\"email.spam\"}");
    JsonNode full = http.post("/v1/microtasks?explain=true", "{\"kind\":\"email.spam\"}").json();
    assertThat(fields(brief)).isEqualTo(fields(schemas.path("MicrotaskResult").path("properties")));
    assertThat(fields(brief.path("decision"))).isEqualTo(fields(schemas.path("DecisionBrief").path("properties")));
    assertThat(fields(full.path("decision"))).isEqualTo(fields(schemas.path("Decision").path("properties")));
  }

  private static Set<String> fields(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void submit_withoutEligibleBid_is422() {
    Http.Reply r = http.post("/v1/microtasks", "{\"kind\":\"email.spam\",\"maxCostUsd\":0.0}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errorCode()).isEqualTo("no_eligible_bid");
  }

  @Test
  void submit_badInput_isAClear4xxNever500() {
    assertError(http.post("/v1/microtasks", "{\"kind\": \"email.spam\""), 400, "malformed_json");
    assertError(http.post("/v1/microtasks", "not json at all"), 400, "malformed_json");
    assertError(http.post("/v1/microtasks", ""), 400, "malformed_json");
    assertError(http.post("/v1/microtasks", "null"), 400, "malformed_json");
    assertError(http.post("/v1/microtasks", "[1,2]"), 400, "malformed_json");
    assertError(http.post("/v1/microtasks", "{\"kind\":\"email.spam\",\"colour\":\"red\"}"), 400, "malformed_json");
    assertError(http.post("/v1/microtasks", "{\"input\":\"no kind\"}"), 400, "invalid_request");
    assertError(http.post("/v1/microtasks", "{\"kind\":7}"), 400, "malformed_json");
    assertError(http.post("/v1/microtasks", "{\"kind\":\"email.spam\",\"dataClasses\":[true]}"), 400, "malformed_json");
    assertError(http.post("/v1/microtasks", "{\"kind\":\"Not A Kind!\"}"), 400, "invalid_request");
    assertError(http.post("/v1/microtasks", "{\"kind\":\"email.spam\",\"minQuality\":7}"), 400, "invalid_request");
    assertError(http.post("/v1/microtasks", "{\"kind\":\"email.spam\",\"latencySloMs\":\"soon\"}"), 400,
        "malformed_json");
    assertError(http.post("/v1/microtasks", "text/plain", "{\"kind\":\"email.spam\"}"), 415, "unsupported_media_type");
    assertError(http.post("/v1/microtasks", null, "{\"kind\":\"email.spam\"}"), 415, "unsupported_media_type");
    String huge = "{\"kind\":\"email.spam\",\"input\":\"" + "x".repeat(10_000) + "\"}";
    assertError(http.post("/v1/microtasks", huge), 413, "body_too_large");
  }

  @Test
  void submit_pastDeadline_is422() {
    Http.Reply r = http.post("/v1/microtasks", "{\"kind\":\"email.spam\",\"deadline\":\"2001-01-01T00:00:00Z\"}");
    assertError(r, 422, "not_auctioned");
  }

  @Test
  void submitAsync_answers202ThenTheResult() {
    CountDownLatch gate = cheap.hold();
    CountDownLatch premiumGate = premium.hold();
    Http.Reply accepted = http.post("/v1/microtasks?async=true", "{\"kind\":\"email.spam\",\"id\":\"async-1\"}");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.raw().headers().firstValue("Location")).contains("/v1/microtasks/async-1");
    assertThat(http.get("/v1/microtasks/async-1").json().path("status").asText()).isEqualTo("pending");
    assertError(http.post("/v1/microtasks?async=true", "{\"kind\":\"email.spam\",\"id\":\"async-1\"}"), 409,
        "duplicate_id");
    gate.countDown();
    premiumGate.countDown();
    JsonNode done = pollUntilDone("async-1");
    assertThat(done.path("status").asText()).isEqualTo("succeeded");
    assertThat(done.path("result").path("decisionId").asText()).isNotBlank();
    cheap.hold().countDown();
    premium.hold().countDown();
  }

  @Test
  void getMicrotask_unknown_is404() {
    assertError(http.get("/v1/microtasks/nope"), 404, "not_found");
  }

  /** Asks until the background award is done; each ask is a round trip, and the loop is bounded. */
  private static JsonNode pollUntilDone(String id) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    JsonNode status;
    do {
      status = http.get("/v1/microtasks/" + id).json();
    } while (status.path("status").asText().equals("pending") && System.nanoTime() < deadline);
    return status;
  }

  @Test
  void feedback_appliesOnceThenConflicts() {
    String id = submit("{\"kind\":\"email.feedback\"}").path("decisionId").asText();
    String path = "/v1/decisions/" + id + "/feedback";
    Http.Reply ok = http.post(path, "{\"quality\":1,\"actualCostUsd\":0.0002,\"note\":\"checked\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("status").asText()).isEqualTo("applied");
    assertError(http.post(path, "{\"quality\":1}"), 409, "feedback_not_accepted");
  }

  @Test
  void feedback_badInput_isClear() {
    String id = submit("{\"kind\":\"email.feedback\"}").path("decisionId").asText();
    String path = "/v1/decisions/" + id + "/feedback";
    assertError(http.post(path, "{\"quality\":"), 400, "invalid_feedback");
    assertError(http.post(path, "{\"quality\":2}"), 400, "invalid_feedback");
    assertError(http.post(path, "{\"stars\":5}"), 400, "invalid_feedback");
    assertError(http.post(path, "text/plain", "{\"quality\":1}"), 415, "unsupported_media_type");
    assertError(http.post(path, "{\"quality\":1,\"note\":\"" + "y".repeat(8000) + "\"}"), 413, "body_too_large");
    assertError(http.post("/v1/decisions/no-such-decision/feedback", "{\"quality\":1}"), 404, "not_found");
  }

  @Test
  void decisions_filterByTenantKindWinnerTimeAndPage() {
    Instant before = Instant.now().minusSeconds(1);
    Http http = new Http(server.port(), server.store().apiKeys().issue("filter-tenant").key());
    for (int i = 0; i < 3; i++) {
      submit(http, "{\"kind\":\"doc.classify\",\"tenant\":\"filter-tenant\"}");
    }
    submit(http, "{\"kind\":\"doc.other\",\"tenant\":\"filter-tenant\"}");
    JsonNode page = http.get("/v1/decisions?tenant=filter-tenant&kind=doc.classify&limit=2").json();
    assertThat(page.path("items")).hasSize(2);
    assertThat(page.path("hasMore").asBoolean()).isTrue();
    JsonNode next = http.get("/v1/decisions?tenant=filter-tenant&kind=doc.classify&limit=2&offset="
        + page.path("nextOffset").asInt()).json();
    assertThat(next.path("items")).hasSize(1);
    assertThat(next.path("hasMore").asBoolean()).isFalse();
    String winner = page.path("items").get(0).path("winner").asText();
    JsonNode won = http.get("/v1/decisions?tenant=filter-tenant&winner=" + winner).json();
    assertThat(won.path("items")).allSatisfy(d -> assertThat(d.path("winner").asText()).isEqualTo(winner));
    JsonNode inRange = http.get("/v1/decisions?tenant=filter-tenant&from=" + before + "&until="
        + Instant.now().plusSeconds(60)).json();
    assertThat(inRange.path("items")).hasSize(4);
    JsonNode future = http.get("/v1/decisions?tenant=filter-tenant&from=" + Instant.now().plusSeconds(60)).json();
    assertThat(future.path("items")).isEmpty();
  }

  @Test
  void decisions_badQuery_is400() {
    assertError(http.get("/v1/decisions?limit=0"), 400, "invalid_query");
    assertError(http.get("/v1/decisions?limit=many"), 400, "invalid_query");
    assertError(http.get("/v1/decisions?offset=-1"), 400, "invalid_query");
    assertError(http.get("/v1/decisions?from=yesterday"), 400, "invalid_query");
    assertError(http.get("/v1/decisions?from=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z"), 400, "invalid_query");
  }

  @Test
  void decision_unknown_is404() {
    assertError(http.get("/v1/decisions/does-not-exist"), 404, "not_found");
  }

  @Test
  void runs_showStepsAndDecisionsFromTheLedger() throws Exception {
    Instant now = Instant.now();
    server.store().record(new RunEntry("run-1", null, "triage", "acme", "running", now));
    server.store().record(new StepEntry("run-1", "classify", "succeeded", null, "", now)).get(5, TimeUnit.SECONDS);
    Http.Reply run = http.get("/v1/runs/run-1");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    assertThat(run.json().path("pipeline").asText()).isEqualTo("triage");
    assertThat(run.json().path("steps").get(0).path("stepId").asText()).isEqualTo("classify");
    assertError(http.get("/v1/runs/no-such-run"), 404, "not_found");
  }

  @Test
  void bidders_showLedgerLiveAndLearnedFigures() {
    String id = submit("{\"kind\":\"bidders.check\"}").path("decisionId").asText();
    http.post("/v1/decisions/" + id + "/feedback", "{\"quality\":1}");
    JsonNode bidders = http.get("/v1/bidders").json().path("bidders");
    assertThat(bidders).extracting(b -> b.path("id").asText()).containsExactly("cheap", "premium");
    JsonNode winner = Stream.of(bidders.get(0), bidders.get(1))
        .filter(b -> b.path("ledger").path("wins").asLong() > 0).findFirst().orElseThrow();
    assertThat(winner.path("vendor").asText()).isEqualTo("test-vendor");
    assertThat(winner.path("learned")).anySatisfy(l -> assertThat(l.path("kind").asText()).isEqualTo("bidders.check"));
  }

  @Test
  void stats_countDecisionsAndSavings() {
    submit("{\"kind\":\"stats.check\"}");
    JsonNode stats = http.get("/v1/stats").json();
    assertThat(stats.path("decisions").asLong()).isPositive();
    assertThat(stats.path("premiumBaselineUsd").asDouble()).isGreaterThanOrEqualTo(stats.path("spendUsd").asDouble()
        - 1e-12);
  }

  @Test
  void metrics_arePrometheusText() {
    submit("{\"kind\":\"metrics.check\"}");
    Http.Reply r = http.get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body()).contains("atomic_wins_total{bidder=").contains("atomic_attempt_latency_seconds_bucket")
        .contains("atomic_cost_usd_total");
  }

  @Test
  void openapi_isServed() {
    Http.Reply r = http.get("/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void root_redirectsToTheDashboard() {
    Http.Reply r = http.get("/");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.raw().headers().firstValue("Location")).contains("/dashboard/");
    assertThat(http.get("/dashboard/").body()).contains("Live decisions");
  }

  @Test
  void unknownRouteAndWrongMethod_haveTheErrorShape() {
    assertError(http.get("/v1/nothing-here"), 404, "no_route");
    Http.Reply wrongMethod = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/v1/bidders"))
        .DELETE());
    assertThat(wrongMethod.status()).isIn(404, 405);
    assertThat(wrongMethod.json().path("error").path("code").asText()).isIn("no_route", "method_not_allowed");
  }

  @Test
  void stream_withoutEventStreamAccept_is406() {
    assertError(http.get("/v1/decisions/stream"), 406, "not_acceptable");
  }

  @Test
  void stream_sendsEachNewDecision() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/v1/decisions/stream"))
        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + key).build();
    CompletableFuture<String> seen = new CompletableFuture<>();
    CompletableFuture<String> connected = new CompletableFuture<>();
    // The stream never ends: read it on its own thread. (thenAccept would run the reader on this thread whenever the
    // response had already arrived, and block the test for ever.)
    http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response ->
        response.body().forEach(line -> {
          if (line.startsWith(":")) {
            connected.complete(line);
          }
          if (line.startsWith("data:") && line.contains("stream.check")) {
            seen.complete(line);
          }
        }), command -> Thread.ofVirtual().start(command));
    connected.get(10, TimeUnit.SECONDS);
    String decisionId = submit("{\"kind\":\"stream.check\"}").path("decisionId").asText();
    assertThat(seen.get(10, TimeUnit.SECONDS)).contains(decisionId);
  }

  private static void assertError(Http.Reply r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json()).as("a JSON error body: " + r.body()).isNotNull();
    JsonNode error = r.json().path("error");
    assertThat(error.path("status").asInt()).isEqualTo(status);
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).isNotBlank();
  }

}
