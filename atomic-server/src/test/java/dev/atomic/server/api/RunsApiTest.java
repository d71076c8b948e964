package dev.atomic.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.StepKinds;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.Http;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.server.ServerConfig;
import dev.atomic.store.RequestEntry;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline runs over HTTP: started on the embedded engine, recorded with their steps and decisions. */
class RunsApiTest {

  record Doc(String text) {}

  @TempDir
  static Path dir;

  static AtomicServer server;
  static String key;
  static Http http;

  @BeforeAll
  static void start() {
    StepKinds kinds = StepKinds.builder().kind("doc.label", String.class, String.class).build();
    Pipeline pipeline = Pipeline.builder("label-twice", kinds).request(Doc.class)
        .step("first", s -> s.kind("doc.label").input("${request.text}"))
        .step("second", s -> s.kind("doc.label").input("${request.text}").after("first"))
        .build();
    server = AtomicServer.builder(ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("r.db").toString())
            .withSeed(4).withMaxBodyBytes(4_096))
        .bidder(new ScriptedBidder("labeller", 0.9, 0.001, 10, "invoice"))
        .pipeline(pipeline)
        .start();
    key = server.store().apiKeys().issue("default").key();
    http = new Http(server.port(), key);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void run_servesEveryStepAndIsReadableWithItsDecisions() throws Exception {
    Http.Reply done = http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"id\":\"run-a\",\"request\":{\"text\":\"pay\"}}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().path("status").asText()).isEqualTo("succeeded");
    assertThat(done.json().path("steps").path("second").path("output").asText()).isEqualTo("invoice");

    server.store().flush().get(10, TimeUnit.SECONDS);
    JsonNode run = http.get("/v1/runs/run-a").json();
    assertThat(run.path("status").asText()).isEqualTo("succeeded");
    assertThat(run.path("steps")).extracting(s -> s.path("stepId").asText()).containsExactlyInAnyOrder("first", "second");
    assertThat(run.path("decisions")).hasSize(2)
        .allSatisfy(d -> assertThat(d.path("runId").asText()).isEqualTo("run-a"));
    assertThat(run.path("decisions")).extracting(d -> d.path("stepId").asText())
        .containsExactlyInAnyOrder("first", "second");
  }

  @Test
  void run_recordsEveryStepsMicrotaskWithItsRunAndStep_soLateFeedbackCanRecallIt() throws Exception {
    Http.Reply done = http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"id\":\"run-t\",\"request\":{\"text\":\"due\"}}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    server.store().flush().get(10, TimeUnit.SECONDS);

    JsonNode run = http.get("/v1/runs/run-t").json();

    assertThat(run.path("decisions")).hasSize(2).allSatisfy(d -> {
      String decisionId = d.path("id").asText();
      String taskId = server.store().ledger().decision(decisionId).orElseThrow().taskId();
      assertThat(server.store().ledger().task(taskId)).as("microtask %s of decision %s", taskId, decisionId)
          .hasValueSatisfying(task -> {
            assertThat(task.runId()).isEqualTo("run-t");
            assertThat(task.stepId()).isEqualTo(d.path("stepId").asText());
            assertThat(task.kind()).isEqualTo("doc.label");
            assertThat(task.inputJson()).isEqualTo("\"due\"");
          });
    });
  }

  @Test
  void run_recordsItsRequest_theBodyAsRead_andNotTheApiKey() throws Exception {
    String body = "{\"pipeline\": \"label-twice\", \"id\": \"run-q\", \"request\": {\"text\": \"refund\"}}";
    Http.Reply done = http.post("/v1/runs", body);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    server.store().flush().get(10, TimeUnit.SECONDS);

    String requestId = http.get("/v1/runs/run-q").json().path("requestId").asText(null);

    assertThat(requestId).isNotBlank();
    assertThat(server.store().ledger().run("run-q").orElseThrow().requestId()).isEqualTo(requestId);
    RequestEntry request = server.store().ledger().request(requestId).orElseThrow();
    assertThat(request.tenant()).isEqualTo("default");
    assertThat(request.payloadJson()).doesNotContain(key);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(request.payloadJson())).isEqualTo(json.readTree(body));
  }

  @Test
  void run_bodyInUtf16_isServedAndItsRequestRecordedAsJson() throws Exception {
    String body = "{\"pipeline\":\"label-twice\",\"id\":\"run-u\",\"request\":{\"text\":\"r\u00e9sum\u00e9\"}}";
    Http.Reply done = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/v1/runs"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
            body.getBytes(java.nio.charset.StandardCharsets.UTF_16BE))));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    server.store().flush().get(10, TimeUnit.SECONDS);

    String requestId = server.store().ledger().run("run-u").orElseThrow().requestId();

    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(server.store().ledger().request(requestId).orElseThrow().payloadJson()))
        .isEqualTo(json.readTree(body));
  }

  @Test
  void run_oversizedBody_is413AsJson_recordsNothing_andTheNextRunIsServed() throws Exception {
    String huge = "{\"pipeline\":\"label-twice\",\"id\":\"run-huge\",\"request\":{\"text\":\""
        + "x".repeat(10_000) + "\"}}";

    Http.Reply refused = http.post("/v1/runs", huge);

    assertThat(refused.status()).as(refused.body()).isEqualTo(413);
    assertThat(refused.json()).as("a JSON error body: " + refused.body()).isNotNull();
    assertThat(refused.json().path("error").path("status").asInt()).isEqualTo(413);
    assertThat(refused.errorCode()).isEqualTo("body_too_large");
    assertThat(refused.json().path("error").path("message").asText()).contains("4096");
    Http.Reply next = http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"id\":\"run-after\",\"request\":{\"text\":\"a\"}}");
    assertThat(next.status()).as(next.body()).isEqualTo(200);
    server.store().flush().get(10, TimeUnit.SECONDS);
    assertThat(server.store().ledger().run("run-huge")).isEmpty();
    assertThat(server.store().ledger().run("run-after")).isPresent();
  }

  @Test
  void runAsync_answers202() {
    Http.Reply accepted = http.post("/v1/runs?async=true", "{\"pipeline\":\"label-twice\",\"request\":{\"text\":\"x\"}}");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().path("location").asText()).startsWith("/v1/runs/");
  }

  @Test
  void run_badInput_isClear() {
    assertThat(http.post("/v1/runs", "{\"pipeline\":\"nope\"}").errorCode()).isEqualTo("not_found");
    assertThat(http.post("/v1/runs", "{\"request\":{}}").errorCode()).isEqualTo("invalid_request");
    assertThat(http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"request\":{\"txt\":1,\"text\":[1]}}").status())
        .isEqualTo(400);
    assertThat(http.post("/v1/runs", "{\"pipeline\":").errorCode()).isEqualTo("malformed_json");
    assertThat(http.post("/v1/runs", "text/plain", "{}").errorCode()).isEqualTo("unsupported_media_type");
    assertThat(http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"id\":\"a:b\"}").errorCode())
        .isEqualTo("invalid_request");
  }

  @Test
  void anotherTenantsRun_isNotFound() {
    Http.Reply started = http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"id\":\"run-own\",\"request\":{\"text\":\"pay\"}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Http other = new Http(server.port(), server.store().apiKeys().issue("other").key());

    Http.Reply peek = other.get("/v1/runs/run-own");

    assertThat(peek.status()).isEqualTo(404);
    assertThat(peek.errorCode()).isEqualTo("not_found");
    assertThat(http.get("/v1/runs/run-own").json().path("tenant").asText()).isEqualTo("default");
  }

  @Test
  void runAnswers_haveTheFieldsAndTypesTheirSchemasName() throws Exception {
    JsonNode document;
    try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
      document = new ObjectMapper().readTree(in);
    }
    SchemaCheck schemas = new SchemaCheck(document);
    Http.Reply done = http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"id\":\"run-s\",\"request\":{\"text\":\"a\"}}");
    assertThat(schemas.mismatches(done.json(), schemas.answer("POST", "/v1/runs", 200))).as(done.body()).isEmpty();
    Http.Reply accepted = http.post("/v1/runs?async=true", "{\"pipeline\":\"label-twice\",\"request\":{\"text\":\"b\"}}");
    assertThat(schemas.mismatches(accepted.json(), schemas.answer("POST", "/v1/runs", 202))).as(accepted.body()).isEmpty();
    server.store().flush().get(10, TimeUnit.SECONDS);
    Http.Reply run = http.get("/v1/runs/run-s");
    assertThat(schemas.mismatches(run.json(), schemas.answer("GET", "/v1/runs/{id}", 200))).as(run.body()).isEmpty();
  }
}
