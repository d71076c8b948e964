package dev.atomic.engine.yaml;

import dev.atomic.engine.Location;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineDefinition;
import dev.atomic.engine.PipelineException;
import dev.atomic.engine.RetryPolicy;
import dev.atomic.engine.StepConstraints;
import dev.atomic.engine.StepDefinition;
import dev.atomic.engine.StepKinds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a pipeline from YAML and checks it against the registered kinds; every error names the file, line and step.
 *
 * <pre>{@code
 * pipeline: email-triage
 * request: Email                      # a type registered with StepKinds.Builder.type
 * steps:
 *   spam:
 *     kind: email.spam
 *     input: ${request}
 *     maxCostUsd: 0.001               # also latencySlo, minQuality, dataClasses
 *     timeout: 30s
 *     retry: { maxAttempts: 3, backoff: 1s }
 *   reply:
 *     kind: email.reply
 *     when: ${!steps.spam.output.spam}
 *     input: { subject: "Re: ${request.subject}", body: "${request.body}" }
 *   tags:
 *     kind: text.tag
 *     forEach: ${request.paragraphs}
 *     input: ${item}
 * }</pre>
 */
public final class PipelineYaml {

  private static final Set<String> PIPELINE_KEYS = Set.of("pipeline", "request", "steps");
  private static final Set<String> STEP_KEYS = Set.of("kind", "input", "when", "forEach", "after", "maxCostUsd",
      "latencySlo", "minQuality", "dataClasses", "timeout", "retry");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private PipelineYaml() {}

  /** Loads and checks the pipeline in a file. */
  public static Pipeline load(Path file, StepKinds kinds) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pipeline file " + file, e);
    }
    return parse(file.getFileName().toString(), text, kinds);
  }

  /** Loads and checks a pipeline from text; {@code source} names it in errors. */
  public static Pipeline parse(String source, String text, StepKinds kinds) {
    return Pipeline.compile(definition(source, text, kinds), kinds);
  }

  /** Reads a pipeline without checking it against the kinds, for tools that want the definition. */
  public static PipelineDefinition definition(String source, String text, StepKinds kinds) {
    YamlNode root = YamlReader.read(source, text);
    YamlNode.Mapping top = mapping(source, null, root, "the pipeline");
    unknownKeys(source, null, top, PIPELINE_KEYS);
    String name = string(source, null, top, "pipeline", true);
    if (name.isBlank()) {
      // A blank name could never be asked for by name (the API refuses a blank pipeline), so it is an error here.
      throw new PipelineException(at(source, top, "pipeline"), null, "'pipeline' must name the pipeline, was blank");
    }
    Type requestType = Object.class;
    String requestName = string(source, null, top, "request", false);
    if (requestName != null) {
      requestType = kinds.type(requestName).orElseThrow(() -> new PipelineException(at(source, top, "request"), null,
          "unknown request type '" + requestName + "' (registered: " + String.join(", ", kinds.typeNames()) + ")"));
    }
    YamlNode stepsNode = top.entries().get("steps");
    if (stepsNode == null) {
      throw new PipelineException(new Location(source, top.line()), null, "pipeline '" + name + "' has no steps");
    }
    YamlNode.Mapping steps = mapping(source, null, stepsNode, "steps");
    List<StepDefinition> definitions = new ArrayList<>();
    steps.entries().forEach((id, node) -> definitions.add(step(source, id, steps.keyLines().get(id), node)));
    return new PipelineDefinition(name, requestType, definitions, new Location(source, top.line()));
  }

  private static StepDefinition step(String source, String id, int line, YamlNode node) {
    YamlNode.Mapping m = mapping(source, id, node, "a step");
    unknownKeys(source, id, m, STEP_KEYS);
    Map<String, Location> places = new HashMap<>();
    m.keyLines().forEach((key, keyLine) -> places.put(key, new Location(source, keyLine)));
    Object input = null;
    YamlNode inputNode = m.entries().get("input");
    if (inputNode instanceof YamlNode.Mapping fields) {
      fields.keyLines().forEach((key, keyLine) -> places.put("input." + key, new Location(source, keyLine)));
      input = fields.plain();
    } else if (inputNode != null) {
      input = inputNode.plain();
    }
    try {
      StepConstraints constraints = new StepConstraints(
          number(source, id, m, "maxCostUsd", Double.POSITIVE_INFINITY),
          duration(source, id, m, "latencySlo"),
          number(source, id, m, "minQuality", 0),
          strings(source, id, m, "dataClasses"));
      return new StepDefinition(id, string(source, id, m, "kind", false), input, string(source, id, m, "when", false),
          string(source, id, m, "forEach", false), List.copyOf(strings(source, id, m, "after")), constraints,
          duration(source, id, m, "timeout"), retry(source, id, m), new Location(source, line), places);
    } catch (IllegalArgumentException e) {
      // Core's messages start with the setting's name; point at that key's line when there is one.
      String key = STEP_KEYS.stream().filter(k -> e.getMessage() != null && e.getMessage().startsWith(k + " "))
          .findFirst().orElse(null);
      throw new PipelineException(key == null ? new Location(source, line) : at(source, m, key), id, e.getMessage());
    }
  }

  private static RetryPolicy retry(String source, String step, YamlNode.Mapping m) {
    YamlNode node = m.entries().get("retry");
    if (node == null) {
      return RetryPolicy.none();
    }
    YamlNode.Mapping r = mapping(source, step, node, "retry");
    unknownKeys(source, step, r, Set.of("maxAttempts", "backoff"));
    double attempts = number(source, step, r, "maxAttempts", 1);
    if (attempts != Math.rint(attempts)) {
      throw new PipelineException(at(source, r, "maxAttempts"), step, "retry maxAttempts must be a whole number, was "
          + attempts);
    }
    Duration backoff = duration(source, step, r, "backoff");
    try {
      return new RetryPolicy((int) attempts, backoff == null ? Duration.ZERO : backoff);
    } catch (IllegalArgumentException e) {
      throw new PipelineException(new Location(source, node.line()), step, e.getMessage());
    }
  }

  private static YamlNode.Mapping mapping(String source, String step, YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    throw new PipelineException(new Location(source, node.line()), step, what + " must be a mapping of keys to values");
  }

  private static void unknownKeys(String source, String step, YamlNode.Mapping m, Set<String> allowed) {
    for (String key : m.entries().keySet()) {
      if (!allowed.contains(key)) {
        throw new PipelineException(at(source, m, key), step, "unknown key '" + key + "' (allowed: "
            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  private static Location at(String source, YamlNode.Mapping m, String key) {
    return new Location(source, m.keyLines().getOrDefault(key, m.line()));
  }

  private static String string(String source, String step, YamlNode.Mapping m, String key, boolean required) {
    YamlNode node = m.entries().get(key);
    if (node == null || node instanceof YamlNode.Scalar s && s.value() == null) {
      if (required) {
        throw new PipelineException(new Location(source, m.line()), step, "'" + key + "' is required");
      }
      return null;
    }
    if (node instanceof YamlNode.Scalar(String value, int line)) {
      return value;
    }
    if (node instanceof YamlNode.Scalar s) {
      return String.valueOf(s.value());
    }
    throw new PipelineException(at(source, m, key), step, "'" + key + "' must be text");
  }

  private static double number(String source, String step, YamlNode.Mapping m, String key, double absent) {
    YamlNode node = m.entries().get(key);
    if (node == null) {
      return absent;
    }
    if (node instanceof YamlNode.Scalar(Number value, int line)) {
      return value.doubleValue();
    }
    throw new PipelineException(at(source, m, key), step, "'" + key + "' must be a number, was " + node.plain());
  }

  private static Set<String> strings(String source, String step, YamlNode.Mapping m, String key) {
    YamlNode node = m.entries().get(key);
    if (node == null) {
      return Set.of();
    }
    if (node instanceof YamlNode.Scalar(String value, int line)) {
      return Set.of(value);
    }
    if (node instanceof YamlNode.Sequence seq) {
      Set<String> out = new LinkedHashSet<>();
      for (YamlNode item : seq.items()) {
        if (!(item instanceof YamlNode.Scalar(String value, int line))) {
          throw new PipelineException(new Location(source, item.line()), step, "'" + key + "' must list text values");
        }
        out.add(value);
      }
      return out;
    }
    throw new PipelineException(at(source, m, key), step, "'" + key + "' must be text or a list of text");
  }

  private static Duration duration(String source, String step, YamlNode.Mapping m, String key) {
    YamlNode node = m.entries().get(key);
    if (node == null) {
      return null;
    }
    String text = String.valueOf(node.plain()).strip();
    Matcher short_ = SHORT_DURATION.matcher(text);
    if (short_.matches()) {
      long n = Long.parseLong(short_.group(1));
      return switch (short_.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new PipelineException(at(source, m, key), step, "'" + key + "' must be a duration such as 500ms, 30s, 5m,"
          + " 1h or PT30S, was '" + text + "'");
    }
  }
}
