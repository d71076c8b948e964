package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.examples.triage.Inbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PIPELINE = """
      pipeline: replies
      steps:
        reply:
          kind: text.reply
          input: ${request.text}
          timeout: 10s
      """;

  @TempDir
  Path dir;

  private MockWebServer provider;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    provider = new MockWebServer();
    provider.start();
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private int run(String... args) {
    RunCommand command = new RunCommand();
    command.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    command.environment = Map.of("TINY_KEY", ModelSetupTest.KEY);
    command.embeddingCache = dir.resolve("embeddings.bin");
    return new CommandLine(command).execute(args);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void call_textPipeline_writesOneResultPerRequestAndNamesTheBadLine() throws Exception {
    provider.enqueue(ModelSetupTest.completion());
    provider.enqueue(ModelSetupTest.completion());
    Path config = ModelSetupTest.config(dir, provider);
    Path input = file("input.jsonl", "{\"text\":\"Hello\"}\n{not json\n\n{\"text\":\"Hi\"}\n");
    Path results = dir.resolve("results.jsonl");

    int exit = run(file("replies.yaml", PIPELINE).toString(), "--input", input.toString(), "--config",
        config.toString(), "--out", results.toString());

    assertThat(exit).as(errors()).isEqualTo(1);
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(3);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.path("line").asInt()).isEqualTo(1);
    assertThat(first.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(first.path("outputs").path("reply").asText()).isEqualTo("Hello back");
    assertThat(first.path("servedBy").path("reply").get(0).asText()).isEqualTo("tiny");
    assertThat(first.path("costUsd").asDouble()).isEqualTo((10 * 1.0 + 2 * 2.0) / 1e6);
    JsonNode bad = JSON.readTree(lines.get(1));
    assertThat(bad.path("status").asText()).isEqualTo("INVALID");
    assertThat(bad.path("failure").asText()).startsWith(input + ":2: not JSON");
    assertThat(JSON.readTree(lines.get(2)).path("line").asInt()).isEqualTo(4);
    assertThat(errors()).contains("3 requests: 2 succeeded, 0 failed, 1 invalid lines").contains("tiny=2")
        .doesNotContain(ModelSetupTest.KEY);
  }

  @Test
  void call_withoutOut_writesResultsToStandardOutput() throws Exception {
    provider.enqueue(ModelSetupTest.completion());
    Path config = ModelSetupTest.config(dir, provider);

    int exit = run(file("replies.yaml", PIPELINE).toString(), "--input", file("in.jsonl", "{\"text\":\"Hello\"}\n")
        .toString(), "--config", config.toString());

    assertThat(exit).as(errors()).isZero();
    String results = out.toString(StandardCharsets.UTF_8);
    assertThat(results.lines()).hasSize(1);
    assertThat(JSON.readTree(results).path("outputs").path("reply").asText()).isEqualTo("Hello back");
  }

  @Test
  void call_unknownKind_namesFileLineAndStepAndTheRegisteredKinds() throws Exception {
    Path config = ModelSetupTest.config(dir, provider);
    Path pipeline = file("bad.yaml", PIPELINE.replace("text.reply", "text.poem"));

    int exit = run(pipeline.toString(), "--input", file("in.jsonl", "{}\n").toString(), "--config", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(errors()).contains("bad.yaml:").contains("step 'reply'").contains("text.poem")
        .contains("Registered kinds:").contains("text.reply").contains("email.spam");
    assertThat(provider.getRequestCount()).isZero();
  }

  @Test
  void call_malformedPipeline_namesTheLine() throws Exception {
    Path pipeline = file("broken.yaml", "pipeline: x\nsteps:\n  a:\n    kind: email.spam\n    colour: red\n");

    int exit = run(pipeline.toString(), "--input", file("in.jsonl", "{}\n").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(errors()).contains("broken.yaml:5").contains("colour");
  }

  @Test
  void call_missingFiles_areClearErrors() throws Exception {
    assertThat(run("nope.yaml", "--input", file("in.jsonl", "{}\n").toString())).isEqualTo(2);
    assertThat(errors()).startsWith("no pipeline file at").contains("email-triage");
    assertThat(run("email-triage", "--input", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
    assertThat(errors()).contains("no input file at");
    assertThat(run("email-triage", "--input", file("in.jsonl", "{}\n").toString(), "--parallel", "0")).isEqualTo(2);
    assertThat(errors()).contains("--parallel must be in [1, 1024], was 0");
  }

  @Test
  void call_noBidders_saysHowToDeclareThem() throws Exception {
    int exit = run(file("replies.yaml", PIPELINE.replace("text.reply", "email.spam")).toString(), "--input",
        file("in.jsonl", "{\"text\":\"x\"}\n").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(errors()).contains("no bidders").contains("models:");
  }

  @Test
  void call_bundledTriage_runsOnItsLocalModelsWithProgress() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (Inbox.Message m : Inbox.sample().subList(0, 24)) {
      lines.append(JSON.writeValueAsString(m.email())).append('\n');
    }
    lines.append("{\"id\": \"e-bad\", \"subject\": {\"nested\": true}}\n");
    Path results = dir.resolve("triage.jsonl");

    int exit = run("email-triage", "--input", file("emails.jsonl", lines.toString()).toString(), "--out",
        results.toString());

    assertThat(exit).as(errors()).isEqualTo(1);
    assertThat(errors()).contains("Running pipeline 'email-triage' over 25 requests").contains("  20/25 requests")
        .contains("25 requests: 24 succeeded, 0 failed, 1 invalid lines").contains("emails.jsonl:25: the request "
            + "does not fit pipeline 'email-triage'");
    List<JsonNode> rows = Files.readAllLines(results).stream().map(RunCommandTest::tree).toList();
    assertThat(rows).hasSize(25);
    assertThat(rows.getFirst().path("outputs").path("spam").asText()).isIn("SPAM", "HAM");
    assertThat(rows.getFirst().path("outputs").path("action").path("type").asText()).isNotBlank();
    assertThat(rows.getFirst().path("servedBy").path("language").get(0).asText()).isEqualTo("opennlp-langdetect");
  }

  private static JsonNode tree(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }
}
