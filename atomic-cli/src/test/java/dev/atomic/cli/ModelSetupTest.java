package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.models.config.ConfiguredModels;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.JsonLogging;
import dev.atomic.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Models declared in the service's configuration are served through its API, and their keys never leak. */
class ModelSetupTest {

  static final String KEY = "sk-test-cli-0123456789abcdefSECRET";
  static final String COMPLETION = """
      {"id":"c1","object":"chat.completion","created":1700000000,"model":"tiny",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Hello back"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12}}""";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private MockWebServer provider;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    provider = new MockWebServer();
    provider.start();
  }

  @AfterEach
  void stop() throws Exception {
    provider.close();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  static MockResponse completion() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(COMPLETION).build();
  }

  static Path config(Path dir, MockWebServer provider) throws IOException {
    return Files.writeString(dir.resolve("atomic.yaml"), """
        server:
          port: 0
        store:
          url: %s
        models:
          - id: tiny
            type: openai-compatible
            baseUrl: %s
            model: tiny
            apiKeyName: TINY_KEY
            price: { inputPerMillion: 1.0, outputPerMillion: 2.0 }
            kinds: [text.reply]
            profile: { vendor: self-hosted, region: eu-west, onPremises: true, sovereign: true }
        """.formatted(dir.resolve("atomic.db"), provider.url("/v1")));
  }

  private JsonNode post(String url, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    assertThat(response.body()).doesNotContain(KEY);
    return JSON.readTree(response.body());
  }

  @Test
  void build_openAiCompatibleModel_isServedThroughTheApiAndListedWithItsRecord() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    JsonLogging.install(log, "DEBUG");
    Path config = config(dir, provider);
    Map<String, String> env = Map.of("TINY_KEY", KEY);
    provider.enqueue(completion());
    // The provider refuses the second call quoting the key, as OpenAI's 401 does: it must not reach the caller.
    provider.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":\"invalid_request_error\"}}")
        .build());

    try (ConfiguredModels models = ModelSetup.build(config, env);
        AtomicServer server = builder(config, env, models).start()) {
      String base = "http://127.0.0.1:" + server.port();
      JsonNode served = post(base + "/v1/microtasks", "{\"kind\":\"text.reply\",\"input\":\"Hello\"}", 200);
      assertThat(served.path("servedBy").asText()).isEqualTo("tiny");
      assertThat(served.path("output").asText()).isEqualTo("Hello back");
      post(base + "/v1/decisions/" + served.path("decisionId").asText() + "/feedback", "{\"quality\":1.0}", 200);

      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/microtasks"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"text.reply\",\"input\":\"Again\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
      assertThat(refused.body()).doesNotContain(KEY).doesNotContain("SECRET");
    }
    RecordedRequest request = provider.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(log.toString(StandardCharsets.UTF_8)).isNotEmpty().doesNotContain(KEY).doesNotContain("SECRET");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelsCommand command = new ModelsCommand();
    command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = command.out;
    command.environment = Map.of();
    int exit = new CommandLine(command).execute("--config", config.toString());
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(table).isZero();
    assertThat(table).contains("ID").contains("WINS").contains("SUCCESS");
    String row = table.lines().filter(l -> l.startsWith("tiny ")).findFirst().orElseThrow();
    assertThat(row).contains("openai-compatible").contains("self-hosted").contains("eu-west").contains("text.reply")
        .contains(" 2 ").contains("100% of 1");
  }

  private static AtomicServer.Builder builder(Path config, Map<String, String> env, ConfiguredModels models) {
    AtomicServer.Builder builder = AtomicServer.builder(ServerConfig.load(config, env));
    models.bidders().forEach(builder::bidder);
    return builder;
  }

  @Test
  void build_missingKey_namesTheVariableAndNeverAValue() throws Exception {
    Path config = config(dir, provider);

    assertThatThrownBy(() -> ModelSetup.build(config, Map.of("OTHER_KEY", KEY)))
        .hasMessageContaining("model 'tiny' (openai-compatible) cannot be built")
        .hasMessageContaining("TINY_KEY")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
  }

  @Test
  void build_keyFromTheSecretsFile_whenTheEnvironmentLacksIt() throws Exception {
    Path config = config(dir, provider);
    Path secrets = Files.writeString(dir.resolve("secrets.properties"), "TINY_KEY=" + KEY + "\n");

    try (ConfiguredModels models = ModelSetup.build(config,
        Map.of(ModelSetup.SECRETS_FILE_VARIABLE, secrets.toString()))) {
      assertThat(models.bidders()).hasSize(1);
    }
  }

  @Test
  void build_badEntry_isRejectedByTheServiceConfigurationToo() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"), """
        models:
          - id: tiny
            type: openai-compatible
            baseUrl: http://127.0.0.1:1/v1
            model: tiny
            temperature: 0.2
        """);

    assertThat(ServerConfig.load(config, Map.of()).port()).isEqualTo(8080);
    assertThatThrownBy(() -> ModelSetup.build(config, Map.of()))
        .hasMessageContaining("bad.yaml: models[0] (id 'tiny') has unknown key 'temperature'");
  }
}
