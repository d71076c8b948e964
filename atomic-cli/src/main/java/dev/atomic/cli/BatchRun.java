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
import dev.atomic.engine.embedded.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs each line of a JSON-lines input as one request of a pipeline and writes one result line per request, in input
 * order: the run's status, each completed step's output and who served it, its cost, or why it failed. Up to
 * {@code parallel} runs are in flight at once. A line that is not JSON, or does not fit the pipeline's request type,
 * gets a result line naming its line number, and the batch goes on. Used once.
 */
final class BatchRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedEngine engine;
  private final Pipeline pipeline;
  private final String source;
  private final int parallel;
  private final PrintStream progress;
  private final Map<String, Integer> servedBy = new TreeMap<>();
  private int requests;
  private int succeeded;
  private int failed;
  private int invalid;
  private double costUsd;

  BatchRun(EmbeddedEngine engine, Pipeline pipeline, String source, int parallel, PrintStream progress) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
    }
    this.engine = engine;
    this.pipeline = pipeline;
    this.source = source;
    this.parallel = parallel;
    this.progress = progress;
  }

  /** How a batch went. */
  record Summary(int requests, int succeeded, int failed, int invalid, double costUsd, Map<String, Integer> servedBy,
      double seconds) {

    String describe() {
      return String.format(Locale.ROOT, "%d requests: %d succeeded, %d failed, %d invalid lines; model spend $%.6f; "
          + "%.1f s (%.1f requests/s)%nServed by: %s%n", requests, succeeded, failed, invalid, costUsd, seconds,
          requests / Math.max(seconds, 1e-9), servedBy);
    }
  }

  /** A started run, or a line refused before it could start. */
  private record Pending(int line, Run run, String problem) {}

  /** Runs every non-blank line of {@code input}; {@code total} is how many there are, for progress. */
  Summary run(BufferedReader input, long total, Writer results) throws IOException {
    long start = System.nanoTime();
    long every = Math.max(1, total / 10);
    Deque<Pending> window = new ArrayDeque<>();
    int lineNumber = 0;
    for (String line = input.readLine(); line != null; line = input.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      window.add(start(lineNumber, line));
      if (window.size() >= parallel) {
        finish(window.poll(), results, total, every);
      }
    }
    while (!window.isEmpty()) {
      finish(window.poll(), results, total, every);
    }
    results.flush();
    return new Summary(requests, succeeded, failed, invalid, costUsd, servedBy, (System.nanoTime() - start) / 1e9);
  }

  private Pending start(int lineNumber, String line) {
    try {
      JsonNode request = JsonCodec.standard().read(line);
      return new Pending(lineNumber, engine.start(pipeline, request), null);
    } catch (IllegalArgumentException e) {
      // Not JSON, or JSON that does not fit the request type: the line's fault, so name it and go on.
      return new Pending(lineNumber, null, source + ":" + lineNumber + ": " + e.getMessage());
    }
  }

  private void finish(Pending pending, Writer results, long total, long every) throws IOException {
    requests++;
    ObjectNode result = JSON.createObjectNode().put("line", pending.line());
    if (pending.run() == null) {
      invalid++;
      result.put("status", "INVALID").put("failure", pending.problem());
      progress.println(pending.problem());
    } else {
      RunResult run = pending.run().await();
      describe(run, result);
      costUsd += run.costUsd();
      if (run.status() == RunResult.Status.SUCCEEDED) {
        succeeded++;
      } else {
        failed++;
      }
    }
    results.write(JSON.writeValueAsString(result));
    results.write('\n');
    if (total >= 20 && requests % every == 0) {
      progress.printf(Locale.ROOT, "  %d/%d requests (%d failed, %d invalid)%n", requests, total, failed, invalid);
    }
  }

  private void describe(RunResult run, ObjectNode result) {
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
