package dev.atomic.cli;

import dev.atomic.output.OutputException;
import dev.atomic.output.Parsed;
import dev.atomic.output.StructuredOutput;
import dev.atomic.output.parse.ParseLimits;
import dev.atomic.output.parse.Repair;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code atomic parse --schema FILE < output.txt}: parses a model's raw output against a JSON Schema (or a record type on
 * the classpath) and prints the value and the repairs it took, or exactly what was wrong. Exit code 0 when a value was
 * produced, 1 when the output was refused, 2 for a bad command line or schema.
 */
@Command(name = "parse", description = "Parse raw model output from stdin against a JSON Schema; print the value and"
    + " the repairs applied, or the error.")
final class ParseCommand implements Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--schema", paramLabel = "FILE", description = "a JSON Schema (draft 2020-12) file")
    Path schema;

    @Option(names = "--type", paramLabel = "CLASS", description = "a record, enum or sealed interface on the classpath,"
        + " fully qualified")
    String type;
  }

  @Option(names = "--json", description = "print one JSON object: {value, repairs} or {error}")
  boolean json;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "2000000",
      description = "refuse outputs longer than this (default: ${DEFAULT-VALUE})")
  int maxChars;

  /** Where the output is read and the results written; the standard streams unless a test replaces them. */
  InputStream in = System.in;
  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() throws IOException {
    ParseLimits limits;
    StructuredOutput<?> output;
    try {
      limits = new ParseLimits(maxChars, ParseLimits.DEFAULT.maxDepth(), ParseLimits.DEFAULT.maxCandidates());
      output = target.schema != null ? bySchema(target.schema, limits) : byType(target.type, limits);
    } catch (IllegalArgumentException e) {
      err.println("atomic parse: " + e.getMessage());
      return 2;
    }
    byte[] raw = readBounded(in, (long) maxChars * 4);
    try {
      if (raw == null) {
        throw OutputException.of(OutputException.Reason.TOO_LARGE, "$", "at most " + maxChars + " characters",
            "more than " + (long) maxChars * 4 + " bytes on stdin", "");
      }
      Parsed<?> parsed = output.parse(raw);
      print(out, parsed.json(), parsed.repairs());
      return 0;
    } catch (OutputException e) {
      printError(json ? out : err, e);
      return 1;
    }
  }

  private static StructuredOutput<?> bySchema(Path file, ParseLimits limits) {
    JsonNode schema;
    try {
      schema = JSON.readTree(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read the JSON Schema " + file + ": " + e.getMessage(), e);
    }
    return StructuredOutput.forSchema(schema, limits);
  }

  private static StructuredOutput<?> byType(String name, ParseLimits limits) {
    try {
      return StructuredOutput.forType(Class.forName(name), limits);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no class " + name + " on the classpath", e);
    }
  }

  /** Reads stdin up to {@code limit} bytes; null when there is more, so a huge input is never held in memory. */
  private static byte[] readBounded(InputStream in, long limit) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
    return bytes.length > limit ? null : bytes;
  }

  private void print(PrintStream to, JsonNode value, List<Repair> repairs) {
    if (json) {
      ObjectNode doc = JSON.createObjectNode();
      doc.set("value", value);
      doc.set("repairs", repairsJson(repairs));
      to.println(doc.toPrettyString());
      return;
    }
    to.println(value.toPrettyString());
    to.println(repairs.isEmpty() ? "no repairs: the output was valid as written"
        : "repairs (" + repairs.size() + "):");
    repairs.forEach(r -> to.println("  " + r));
  }

  private void printError(PrintStream to, OutputException e) {
    if (json) {
      ObjectNode doc = JSON.createObjectNode();
      ObjectNode error = doc.putObject("error");
      error.put("reason", e.reason().name());
      ArrayNode problems = error.putArray("problems");
      for (OutputException.Problem p : e.problems()) {
        problems.addObject().put("path", p.path()).put("expected", p.expected()).put("found", p.found())
            .put("message", p.message());
      }
      error.set("repairs", repairsJson(e.repairs()));
      to.println(doc.toPrettyString());
      return;
    }
    to.println("refused (" + e.reason() + "):");
    to.println(e.feedback());
    if (!e.repairs().isEmpty()) {
      to.println("repairs tried (" + e.repairs().size() + "):");
      e.repairs().forEach(r -> to.println("  " + r));
    }
  }

  private static ArrayNode repairsJson(List<Repair> repairs) {
    ArrayNode list = JSON.createArrayNode();
    for (Repair r : repairs) {
      list.addObject().put("kind", r.kind().name()).put("path", r.path()).put("offset", r.offset())
          .put("detail", r.detail());
    }
    return list;
  }
}
