package dev.atomic.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.StepCall;
import dev.atomic.engine.StepKinds;
import dev.atomic.exchange.Exchange;
import dev.atomic.task.Microtask;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Log lines written while a run's microtask is served carry its run, step and decision ids, and no later line does. */
class LogContextTest {

  record Doc(String text) {}

  private static final List<String> IDS = List.of("run_id", "step_id", "decision_id", "task_id", "tenant");

  @TempDir
  Path dir;

  @AfterEach
  void restoreLogging() throws Exception {
    MDC.clear();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void serve_putsTheIdsInTheLogContextWhileTheMicrotaskIsServed_andRemovesThemAfter() {
    LogContext logContext = new LogContext();
    Microtask task = Microtask.builder("doc.label").id("run-1:first").input("pay").build();
    try (Exchange exchange = Exchange.builder().seed(1).listener(logContext)
        .bidder(new ScriptedBidder("labeller", 0.9, 0.001, 10, "invoice")).build()) {

      Map<String, String> during = logContext.runStarted("run-1", "label", "default", false).stepStarted("first")
          .serve(task, () -> {
            String decisionId = exchange.execute(task).decision().id();
            assertThat(MDC.get("decision_id")).isEqualTo(decisionId);
            return MDC.getCopyOfContextMap();
          });

      assertThat(during).containsEntry("run_id", "run-1").containsEntry("step_id", "first")
          .containsEntry("task_id", "run-1:first").containsEntry("tenant", "default").containsKey("decision_id");
      // The same thread serves something else next, as a pooled one would: nothing of this microtask is left on it.
      IDS.forEach(id -> assertThat(MDC.get(id)).as(id).isNull());
    }
  }

  @Test
  void callStarted_aCallOfARunDrivenElsewhere_carriesItsRunAndStepWhileServed_andNothingAfter() {
    LogContext logContext = new LogContext();
    Microtask task = Microtask.builder("doc.label").id("run-2:first[0]").input("pay").build();

    Map<String, String> during = logContext.callStarted("run-2", "label", "default",
        new StepCall("first[0]", "first", "doc.label", "\"pay\""), Map.of())
        .serve(task, MDC::getCopyOfContextMap);

    assertThat(during).containsEntry("run_id", "run-2").containsEntry("step_id", "first")
        .containsEntry("task_id", "run-2:first[0]");
    IDS.forEach(id -> assertThat(MDC.get(id)).as(id).isNull());
  }

  @Test
  void run_linesLoggedDuringAStepCarryItsIds_andALaterRequestsLinesCarryNoneOfThem() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLogging.install(out, "INFO");
    // The line written when a step's auction is awarded, on the thread serving the step.
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(LogContext.class).setLevel(Level.DEBUG);
    StepKinds kinds = StepKinds.builder().kind("doc.label", String.class, String.class).build();
    Pipeline pipeline = Pipeline.builder("label-twice", kinds).request(Doc.class)
        .step("first", s -> s.kind("doc.label").input("${request.text}"))
        .step("second", s -> s.kind("doc.label").input("${request.text}").after("first"))
        .build();
    ServerConfig config = ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("l.db").toString()).withSeed(4);
    try (AtomicServer server = AtomicServer.builder(config)
        .bidder(new ScriptedBidder("labeller", 0.9, 0.001, 10, "invoice"))
        .pipeline(pipeline)
        .start()) {
      Http http = new Http(server.port(), server.store().apiKeys().issue("default").key());
      Http.Reply run = http.post("/v1/runs", "{\"pipeline\":\"label-twice\",\"id\":\"log-a\",\"request\":{\"text\":\"pay\"}}");
      assertThat(run.status()).as(run.body()).isEqualTo(200);
      Http.Reply later = http.post("/v1/microtasks", "{\"id\":\"later-1\",\"kind\":\"doc.label\",\"input\":\"due\"}");
      assertThat(later.status()).as(later.body()).isEqualTo(200);
    }

    List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(LogContextTest::json).toList();
    for (String step : List.of("first", "second")) {
      JsonNode awarded = awardLine(lines, "log-a:" + step);
      assertThat(awarded.path("mdc").path("run_id").asText()).isEqualTo("log-a");
      assertThat(awarded.path("mdc").path("step_id").asText()).isEqualTo(step);
      assertThat(awarded.path("mdc").path("task_id").asText()).isEqualTo("log-a:" + step);
      assertThat(awarded.path("mdc").path("decision_id").asText()).isNotBlank();
    }
    List<String> runDecisions = List.of(awardLine(lines, "log-a:first").path("mdc").path("decision_id").asText(),
        awardLine(lines, "log-a:second").path("mdc").path("decision_id").asText());
    JsonNode unrelated = awardLine(lines, "later-1");
    assertThat(unrelated.path("mdc").has("run_id")).as(unrelated.toString()).isFalse();
    assertThat(unrelated.path("mdc").has("step_id")).as(unrelated.toString()).isFalse();
    assertThat(unrelated.path("mdc").path("decision_id").asText()).isNotBlank().isNotIn(runDecisions.toArray());
    assertThat(lines).filteredOn(l -> !l.path("mdc").path("run_id").isMissingNode())
        .as("every line carrying the run's id is one of its steps' lines")
        .allSatisfy(l -> assertThat(l.path("mdc").path("task_id").asText()).startsWith("log-a:"));
  }

  private static JsonNode awardLine(List<JsonNode> lines, String taskId) {
    return lines.stream()
        .filter(l -> l.path("formattedMessage").asText().startsWith("auction for " + taskId + " "))
        .findFirst().orElseThrow(() -> new AssertionError("no award line for " + taskId + " in " + lines));
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
