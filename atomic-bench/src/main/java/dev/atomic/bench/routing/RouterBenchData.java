package dev.atomic.bench.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.AtomicException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the RouterBench 0-shot JSONL file. Every line must be a complete row; a malformed one stops the load with its
 * line number and what is wrong. Rows where the benchmark recorded no outcome for some model ({@code null} in
 * {@code correct}) are skipped and counted, as RouterBench's own figures skip them.
 */
final class RouterBenchData {

  /** The loaded rows, the models they cover, and how many incomplete rows were skipped. */
  record Dataset(List<RouterBenchRow> rows, List<String> models, int skippedIncomplete) {
    Dataset {
      rows = List.copyOf(rows);
      models = List.copyOf(models);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private RouterBenchData() {}

  static Dataset load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new AtomicException("no RouterBench data at " + file.toAbsolutePath()
          + "; pass --data FILE or --data-dir DIR holding routerbench-0shot/routerbench_0shot.jsonl");
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in.lines().toList(), file.toString());
    } catch (IOException e) {
      throw new AtomicException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses the lines of a file; {@code source} names it in error messages. */
  static Dataset parse(List<String> lines, String source) {
    List<RouterBenchRow> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> models = null;
    int skipped = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String where = source + " line " + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new AtomicException(where + " is not valid JSON: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new AtomicException(where + " is not a JSON object");
      }
      Set<String> lineModels = new TreeSet<>();
      node.path("correct").fieldNames().forEachRemaining(lineModels::add);
      if (models == null) {
        if (lineModels.isEmpty()) {
          throw new AtomicException(where + ": 'correct' names no model");
        }
        models = lineModels;
      } else if (!models.equals(lineModels)) {
        throw new AtomicException(where + ": 'correct' names models " + lineModels + ", earlier rows " + models);
      }
      if (hasNullOutcome(node.get("correct"))) {
        skipped++;
        continue;
      }
      RouterBenchRow row = row(node, models, where);
      if (!ids.add(row.id())) {
        throw new AtomicException(where + ": sample_id '" + row.id() + "' appears twice");
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new AtomicException(source + " holds no complete row");
    }
    return new Dataset(rows, List.copyOf(models), skipped);
  }

  private static boolean hasNullOutcome(JsonNode correct) {
    for (JsonNode v : correct) {
      if (v.isNull()) {
        return true;
      }
    }
    return false;
  }

  private static RouterBenchRow row(JsonNode node, Set<String> models, String where) {
    String id = text(node, "sample_id", where);
    Task task;
    try {
      task = Task.fromData(text(node, "task", where));
    } catch (IllegalArgumentException e) {
      throw new AtomicException(where + ": " + e.getMessage());
    }
    String split = text(node, "split", where);
    if (!split.equals("train") && !split.equals("test")) {
      throw new AtomicException(where + ": split must be 'train' or 'test', was '" + split + "'");
    }
    String prompt = text(node, "prompt", where);
    Map<String, Double> correct = new LinkedHashMap<>();
    Map<String, Double> cost = new LinkedHashMap<>();
    Map<String, String> response = new LinkedHashMap<>();
    for (String model : models) {
      double c = number(node.path("correct"), model, "correct", where);
      if (c != 0 && c != 1) {
        throw new AtomicException(where + ": correct[" + model + "] must be 0 or 1, was " + c);
      }
      correct.put(model, c);
      double usd = number(node.path("cost_usd"), model, "cost_usd", where);
      if (!(usd >= 0) || Double.isInfinite(usd)) {
        throw new AtomicException(where + ": cost_usd[" + model + "] must be a finite amount >= 0, was " + usd);
      }
      cost.put(model, usd);
      JsonNode r = node.path("response").get(model);
      if (r == null || !r.isTextual()) {
        throw new AtomicException(where + ": response[" + model + "] is missing or not text");
      }
      response.put(model, r.asText());
    }
    return new RouterBenchRow(id, task, split.equals("train"), prompt, correct, cost, response);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new AtomicException(where + ": field '" + field + "' is missing or not a non-empty string");
    }
    return v.asText();
  }

  private static double number(JsonNode map, String model, String field, String where) {
    JsonNode v = map.get(model);
    if (v == null || !v.isNumber()) {
      throw new AtomicException(where + ": " + field + "[" + model + "] is missing or not a number, was " + v);
    }
    return v.asDouble();
  }
}
