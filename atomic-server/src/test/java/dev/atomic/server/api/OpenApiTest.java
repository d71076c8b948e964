package dev.atomic.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.Http;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.server.ServerConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document and the server agree: every registered route is documented, every documented one served, and
 * the answers have the fields and types their schemas name.
 */
class OpenApiTest {

  @TempDir
  static Path dir;

  static AtomicServer server;
  static Http http;
  static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    server = AtomicServer.builder(ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("a.db").toString()))
        .bidder(new ScriptedBidder("only", 0.9, 0.001, 10, "ok")).start();
    http = new Http(server.port(), server.store().apiKeys().issue("default").key());
    try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
      document = new ObjectMapper().readTree(in);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Set<String> documented() {
    Set<String> operations = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fieldNames().forEachRemaining(method ->
          operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
    }
    return operations;
  }

  @Test
  void document_isOpenApi31() {
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.path("components").path("schemas").path("Error").isObject()).isTrue();
  }

  @Test
  void routes_areExactlyTheDocumentedOnes() {
    Set<String> registered = server.routes().stream().map(r -> r.method() + " " + r.path())
        .collect(Collectors.toSet());
    assertThat(registered).containsExactlyInAnyOrderElementsOf(documented());
  }

  @Test
  void everyDocumentedOperation_isServed() {
    for (String operation : documented()) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}", "some-id");
      if (path.endsWith("/stream")) {
        continue; // holds its connection open; ApiTest reads it
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path));
      request = method.equals("POST")
          ? request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
          : request.GET();
      Http.Reply reply = http.send(request);
      assertThat(reply.status()).as(operation + " -> " + reply.body()).isNotEqualTo(405).isLessThan(500);
      assertThat(reply.errorCode()).as(operation).isNotEqualTo("no_route");
    }
  }

  @Test
  void answers_haveTheFieldsAndTypesTheirSchemasName() {
    SchemaCheck schemas = new SchemaCheck(document);
    Http.Reply brief = http.post("/v1/microtasks", "{\"kind\":\"doc.tag\",\"input\":{\"text\":\"hi\"}}");
    Http.Reply full = http.post("/v1/microtasks?explain=true", "{\"kind\":\"doc.tag\",\"input\":[1,\"two\"]}");
    String decision = brief.json().path("decisionId").asText();
    Http.Reply accepted = http.post("/v1/microtasks?async=true", "{\"kind\":\"doc.tag\",\"id\":\"schema-async\"}");
    Map<String, Http.Reply> answers = new LinkedHashMap<>();
    answers.put("POST /v1/microtasks 200", brief);
    answers.put("POST /v1/microtasks 200 explained", full);
    answers.put("POST /v1/microtasks 202", accepted);
    answers.put("POST /v1/microtasks 400", http.post("/v1/microtasks", "{\"kind\": 7}"));
    answers.put("GET /v1/decisions/{id} 200", http.get("/v1/decisions/" + decision));
    answers.put("GET /v1/decisions/{id} 404", http.get("/v1/decisions/nope"));
    answers.put("GET /v1/decisions 200", http.get("/v1/decisions?limit=5"));
    answers.put("POST /v1/decisions/{id}/feedback 200",
        http.post("/v1/decisions/" + decision + "/feedback", "{\"quality\":1.0}"));
    answers.put("GET /v1/bidders 200", http.get("/v1/bidders"));
    answers.put("GET /v1/stats 200", http.get("/v1/stats"));
    answers.put("GET /health/live 200", http.get("/health/live"));
    answers.put("GET /health/ready 200", http.get("/health/ready"));
    for (Map.Entry<String, Http.Reply> answer : answers.entrySet()) {
      String[] route = answer.getKey().split(" ");
      int status = Integer.parseInt(route[2]);
      assertThat(answer.getValue().status()).as(answer.getKey() + " -> " + answer.getValue().body()).isEqualTo(status);
      assertThat(schemas.mismatches(answer.getValue().json(), schemas.answer(route[0], route[1], status)))
          .as(answer.getKey() + " -> " + answer.getValue().body()).isEmpty();
    }
  }

  @Test
  void schemaCheck_findsAnUndocumentedField() {
    SchemaCheck schemas = new SchemaCheck(document);
    JsonNode answer = http.get("/health/live").json();
    ((ObjectNode) answer).put("surprise", 1);
    assertThat(schemas.mismatches(answer, schemas.answer("GET", "/health/live", 200))).singleElement()
        .asString().contains("surprise");
  }
}
