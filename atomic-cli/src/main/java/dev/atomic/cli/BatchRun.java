package dev.atomic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.engine.CallOutcome;
import dev.atomic.engine.JsonCodec;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.StepResult;
import dev.atomic.engine.embedded.EmbeddedEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs each line of a JSON-lines input as one request of a pipeline, in order, and writes one result line per request:
 * the run's status, each completed step's output and who served it, its cost, or why it failed. A line that is not
 * JSON, or does not fit the pipeline's request type, gets a result line naming its line number, and the batch goes on.
 */
final class BatchRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedEngine engine;
  private final Pipeline pipeline;
  private final String source;
  private final PrintStream progress;

  BatchRun(EmbeddedEngine engine, Pipeline pipeline, String source, PrintStream progress) {
    this.engine = engine;
    this.pipeline = pipeline;
    this.source = source;
    this.progress = progress;
  }

  /** How a batch went. */
  record Summary(int requests, int succeeded, int failed, int invalid, double costUsd, Map<String, Integer> servedBy,
      double seconds) {

    String describe() {
      return String.format(Locale.ROOT, "%d requests: %d succeeded, %d failed, %d invalid lines; model spend $%.6f; "
          + "%.1f s%nServed by: %s%n", requests, succeeded, failed, invalid, costUsd, seconds, servedBy);
    }
  }

  /** Runs every non-blank line of {@code input}; {@code total} is how many there are, for progress. */
  Summary run(BufferedReader input, long total, Writer results) throws IOException {
    long start = System.nanoTime();
    long every = Math.max(1, total / 10);
    int requests = 0;
    int succeeded = 0;
    int failed = 0;
    int invalid = 0;
    double cost = 0;
    Map<String, Integer> servedBy = new TreeMap<>();
    int lineNumber = 0;
    for (String line = input.readLine(); line != null; line = input.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      requests++;
      ObjectNode result = JSON.createObjectNode().put("line", lineNumber);
      try {
        JsonNode request = JsonCodec.standard().read(line);
        RunResult run = engine.start(pipeline, request).await();
        describe(run, result, servedBy);
        cost += run.costUsd();
        if (run.status() == RunResult.Status.SUCCEEDED) {
          succeeded++;
        } else {
          failed++;
        }
      } catch (IllegalArgumentException e) {
        // Not JSON, or JSON that does not fit the request type: the line's fault, so name it and go on.
        invalid++;
        String problem = source + ":" + lineNumber + ": " + e.getMessage();
        result.put("status", "INVALID").put("failure", problem);
        progress.println(problem);
      }
      results.write(JSON.writeValueAsString(result));
      results.write('\n');
      if (total >= 20 && requests % every == 0) {
        progress.printf(Locale.ROOT, "  %d/%d requests (%d failed, %d invalid)%n", requests, total, failed, invalid);
      }
    }
    results.flush();
    return new Summary(requests, succeeded, failed, invalid, cost, servedBy, (System.nanoTime() - start) / 1e9);
  }

  private static void describe(RunResult run, ObjectNode result, Map<String, Integer> servedBy) {
    result.put("runId", run.runId()).put("status", run.status().name());
    ObjectNode outputs = result.putObject("outputs");
    ObjectNode served = result.putObject("servedBy");
    for (StepResult step : run.steps().values()) {
      if (step.status() == StepResult.Status.COMPLETED) {
        outputs.set(step.step(), step.output());
      }
      for (CallOutcome call : step.calls()) {
        served.withArrayProperty(step.step()).add(call.servedBy());
        servedBy.merge(call.servedBy(), 1, Integer::sum);
      }
    }
    result.put("costUsd", run.costUsd());
    if (run.failure() != null) {
      result.put("failure", run.failure());
    }
  }
}
