package dev.atomic.bench.structured;

import dev.atomic.output.OutputException;
import dev.atomic.output.StructuredOutput;
import dev.atomic.output.parse.ParseLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the malformed-output corpus of atomic-output through the schema-only parser (each case's type as its JSON
 * Schema): how many malformed outputs come back as the expected value, and how many refusals have the expected reason.
 */
final class CorpusRun {

  /** What the corpus run found. */
  record Result(int cases, int recoverable, int recovered, int refusals, int refusedAsExpected, List<String> misses) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CorpusRun() {}

  static Result run(Path dir) throws IOException {
    Map<String, StructuredOutput<JsonNode>> outputs = new HashMap<>();
    int cases = 0;
    int recoverable = 0;
    int recovered = 0;
    int refusals = 0;
    int refused = 0;
    List<String> misses = new ArrayList<>();
    for (String file : List.of("malformed.jsonl", "tricky.jsonl")) {
      for (String line : Files.readAllLines(dir.resolve(file))) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode c = JSON.readTree(line);
        String type = c.get("type").asString();
        StructuredOutput<JsonNode> output = outputs.computeIfAbsent(type, t -> load(dir, t));
        cases++;
        String input = c.get("input").asString();
        if (c.has("reject")) {
          refusals++;
          try {
            output.parse(input);
            misses.add(c.get("id").asString() + ": parsed, expected " + c.get("reject").asString());
          } catch (OutputException e) {
            if (e.reason().name().equals(c.get("reject").asString())) {
              refused++;
            } else {
              misses.add(c.get("id").asString() + ": " + e.reason() + ", expected " + c.get("reject").asString());
            }
          }
        } else {
          recoverable++;
          try {
            if (same(output.parse(input).value(), c.get("expect"))) {
              recovered++;
            } else {
              misses.add(c.get("id").asString() + ": another value");
            }
          } catch (OutputException e) {
            misses.add(c.get("id").asString() + ": " + e.reason());
          }
        }
      }
    }
    return new Result(cases, recoverable, recovered, refusals, refused, misses);
  }

  private static StructuredOutput<JsonNode> load(Path dir, String type) {
    try {
      JsonNode schema = JSON.readTree(dir.resolve("schemas").resolve(type + ".schema.json").toFile());
      return StructuredOutput.forSchema(schema, ParseLimits.DEFAULT);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot load the corpus schema of " + type + " from " + dir, e);
    }
  }

  /** JSON equality where numbers compare by value and a missing property equals a null one. */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || a.isNull() || a.isMissingNode()) {
      return b == null || b.isNull() || b.isMissingNode();
    }
    if (b == null) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new HashSet<>(a.propertyNames());
      keys.addAll(b.propertyNames());
      return keys.stream().allMatch(k -> same(a.get(k), b.get(k)));
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
