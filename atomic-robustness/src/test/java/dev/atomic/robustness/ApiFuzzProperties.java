package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.server.AtomicServer;
import dev.atomic.server.ServerConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every POST route of the server, over real HTTP on a loopback port, with generated bodies: each answer is a 2xx or a
 * 4xx in the API's error shape, never a 5xx, and within {@link Loopback#BOUND}.
 */
class ApiFuzzProperties {

  private static final List<String> MICROTASKS = List.of(
      "{\"kind\":\"email.spam\",\"input\":{\"subject\":\"win money\"},\"tenant\":\"acme\"}",
      "{\"id\":\"t-1\",\"kind\":\"email.spam\",\"input\":\"hello\",\"maxCostUsd\":0.01,\"latencySloMs\":2000,"
          + "\"minQuality\":0.5,\"deadline\":\"2030-01-01T00:00:00Z\",\"dataClasses\":[\"pii.email\"]}",
      "{\"kind\":\"doc.label\",\"input\":[1,2,3],\"tenant\":\"t\",\"maxCostUsd\":1}");
  private static final List<String> MICROTASK_FIELDS = List.of("id", "kind", "input", "tenant", "maxCostUsd",
      "latencySloMs", "minQuality", "deadline", "dataClasses");
  private static final List<String> RUNS = List.of(
      "{\"pipeline\":\"label-twice\",\"request\":{\"text\":\"pay the invoice\"}}",
      "{\"pipeline\":\"label-twice\",\"id\":\"run-1\",\"request\":{\"text\":\"x\"}}",
      "{\"pipeline\":\"label-twice\"}");
  private static final List<String> RUN_FIELDS = List.of("pipeline", "request", "id");
  private static final List<String> FEEDBACK = List.of("{\"quality\":1}",
      "{\"quality\":0.4,\"actualCostUsd\":0.002,\"actualLatencyMs\":840,\"note\":\"fine\"}", "{\"quality\":0}");
  private static final List<String> FEEDBACK_FIELDS = List.of("quality", "actualCostUsd", "actualLatencyMs", "note");

  /**
   * Generated bodies stay under this (they stay well below it): a body over the limit is refused with 413 before it is
   * read, and the server then closes the connection while the client is still sending, so the client sees a reset
   * instead of the 413. {@link #oversizedBody_isRefusedOrTheConnectionClosed_neverA5xx} covers that case alone.
   */
  private static final long MAX_BODY = 1024 * 1024;

  private static Path dir;
  private static AtomicServer server;
  private static Loopback http;
  private static final List<String> decisionIds = new ArrayList<>();

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("atomic-api-fuzz");
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(11).withMaxBodyBytes(MAX_BODY)
        .withStoreUrl(dir.resolve("fuzz.db").toString());
    server = AtomicServer.builder(config)
        .bidder(new CountingBidder("cheap", 0.8, 0.0001))
        .bidder(new CountingBidder("premium", 0.97, 0.02))
        .pipeline(ApiLoad.pipeline())
        .start();
    http = new Loopback(server.port());
    for (int i = 0; i < 20; i++) {
      Loopback.Reply r = http.post("/v1/microtasks", "application/json",
          MICROTASKS.getFirst().getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      decisionIds.add(r.json().path("decisionId").asText());
    }
  }

  @AfterContainer
  static void stop() throws Exception {
    http.close();
    server.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 1000, seed = "20261126")
  void microtasks_anyBody_answers2xxOr4xxInTheErrorShape(@ForAll("microtaskBodies") byte[] body,
      @ForAll("contentTypes") String contentType, @ForAll("asyncOrNot") String query) {
    Loopback.Reply r = http.post("/v1/microtasks" + query, contentType, refusable(contentType, body));
    Loopback.assertWellBehaved(r, describe(body));
  }

  @Property(tries = 1000, seed = "20261127")
  void runs_anyBody_answers2xxOr4xxInTheErrorShape(@ForAll("runBodies") byte[] body,
      @ForAll("contentTypes") String contentType, @ForAll("asyncOrNot") String query) {
    Loopback.Reply r = http.post("/v1/runs" + query, contentType, refusable(contentType, body));
    Loopback.assertWellBehaved(r, describe(body));
  }

  @Property(tries = 1000, seed = "20261128")
  void feedback_anyBodyAndDecision_answers2xxOr4xxInTheErrorShape(@ForAll("feedbackBodies") byte[] body,
      @ForAll("decisionPathSegments") String decisionId, @ForAll("contentTypes") String contentType) {
    Loopback.Reply r = http.post("/v1/decisions/" + decisionId + "/feedback", contentType,
        refusable(contentType, body));
    Loopback.assertWellBehaved(r, decisionId + " <- " + describe(body));
  }

  @net.jqwik.api.Example
  void oversizedBody_isRefusedOrTheConnectionClosed_neverA5xx() throws Exception {
    byte[] body = ("{\"kind\":\"email.spam\",\"input\":\"" + "x".repeat((int) MAX_BODY) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
          + "/v1/microtasks")).timeout(Loopback.BOUND).header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
      try {
        var r = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
      } catch (java.net.http.HttpTimeoutException e) {
        throw new AssertionError("an oversized body made the server hang", e);
      } catch (java.io.IOException closedWhileSending) {
        // Refused before the body was read; see MAX_BODY.
        assertThat(closedWhileSending).isNotInstanceOf(java.net.http.HttpTimeoutException.class);
      }
    }
  }

  @Provide
  Arbitrary<byte[]> microtaskBodies() {
    return Hostile.body(MICROTASKS, MICROTASK_FIELDS);
  }

  @Provide
  Arbitrary<byte[]> runBodies() {
    return Hostile.body(RUNS, RUN_FIELDS);
  }

  @Provide
  Arbitrary<byte[]> feedbackBodies() {
    return Hostile.body(FEEDBACK, FEEDBACK_FIELDS);
  }

  /** Decision ids as path segments: known, unknown, any text (percent-encoded), and raw hostile encodings. */
  @Provide
  Arbitrary<String> decisionPathSegments() {
    Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.of(decisionIds), Arbitraries.of(decisionIds).map(id -> id + "x"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(300), Arbitraries.of("..", "stream", "a/b",
            "'; DROP TABLE decisions; --"));
    return Arbitraries.oneOf(ids.map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")),
        Arbitraries.of("%FF", "a%00b", "%C3%28", "%ED%A0%80", "%E2%80%8B", "%2e%2e", "%25"));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.frequency(net.jqwik.api.Tuple.of(12, "application/json"),
        net.jqwik.api.Tuple.of(1, "application/json; charset=utf-8"), net.jqwik.api.Tuple.of(1, "text/plain"),
        net.jqwik.api.Tuple.of(1, "APPLICATION/JSON"), net.jqwik.api.Tuple.of(1, "multipart/form-data"));
  }

  @Provide
  Arbitrary<String> asyncOrNot() {
    return Arbitraries.frequency(net.jqwik.api.Tuple.of(6, ""), net.jqwik.api.Tuple.of(1, "?async=true"),
        net.jqwik.api.Tuple.of(1, "?async=TRUE&async=no"));
  }

  /**
   * A body sent with a content type the server refuses unread is cut to 2 KB: the server answers 415 without reading
   * the body and closes the connection, and when the client is still sending a large body the close can reset the
   * connection before the client reads the 415 (seen once with a 20 KB body; a known weakness, in the report).
   */
  private static byte[] refusable(String contentType, byte[] body) {
    boolean json = contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    return json || body.length <= 2048 ? body : java.util.Arrays.copyOf(body, 2048);
  }

  private static String describe(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + body.length + " bytes)";
  }
}
