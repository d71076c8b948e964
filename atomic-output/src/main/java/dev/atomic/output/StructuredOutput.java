package dev.atomic.output;

import dev.atomic.exchange.OutputCheck;
import dev.atomic.output.bind.Binder;
import dev.atomic.output.parse.Candidate;
import dev.atomic.output.parse.Extraction;
import dev.atomic.output.parse.LenientParser;
import dev.atomic.output.parse.ParseLimits;
import dev.atomic.output.parse.Repair;
import dev.atomic.output.parse.SchemaAligner;
import dev.atomic.output.schema.ResponseFormats;
import dev.atomic.output.schema.TypeDescription;
import dev.atomic.output.schema.TypeSchemas;
import dev.atomic.output.validate.SchemaValidator;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/*
 * The parse path, step by step (parse):
 *   1. extract: find every candidate value in the output (whole, fenced, in prose, or the text itself), repairing syntax;
 *   2. align: bend each candidate towards the schema where the intent is unambiguous;
 *   3. validate: check each aligned candidate against the schema (networknt, draft 2020-12);
 *   4. choose: the valid candidate from the best source with the fewest repairs; two different values that tie are
 *      ambiguous and refused, never guessed;
 *   5. bind: Jackson turns the chosen JSON into the Java type.
 * A well-formed output is one WHOLE candidate that aligns without change, so the fast path is one parse, one walk,
 * one validation and one bind.
 */
/**
 * Structured output for one type: the JSON Schema and the prompt rendering a model needs, and the parser that turns what
 * the model wrote into a valid value of the type, or a precise {@link OutputException}.
 *
 * {@snippet :
 * StructuredOutput<SpamVerdict> output = StructuredOutput.of(SpamVerdict.class);
 * String prompt = "Is this spam? ...\n" + output.instructions();
 * SpamVerdict verdict = output.parse(modelText).value();
 * Execution e = exchange.execute(task, output.check()); // rejects escalate to the next bid
 * }
 *
 * <p>Immutable and thread-safe; build one per type and reuse it.
 *
 * @param <T> the type of the values produced
 */
public final class StructuredOutput<T> {

  private final Type type;
  private final JsonNode schema;
  private final Binder binder;
  private final SchemaAligner aligner;
  private final SchemaValidator validator;
  private final LenientParser parser;
  private final String description;

  private StructuredOutput(Type type, JsonNode schema, Binder binder, ParseLimits limits, SchemaValidator validator) {
    this.type = type;
    this.schema = schema;
    this.binder = binder;
    this.aligner = new SchemaAligner(schema, limits.maxDepth());
    this.validator = validator;
    this.parser = new LenientParser(limits);
    this.description = TypeDescription.render(schema);
  }

  /** Structured output for a Java type (record, enum, sealed interface of records, list, map, scalar). */
  public static <T> StructuredOutput<T> of(Class<T> type) {
    return of(type, ParseLimits.DEFAULT);
  }

  /** Structured output for a Java type, parsed under the given limits. */
  public static <T> StructuredOutput<T> of(Class<T> type, ParseLimits limits) {
    return forType(type, limits);
  }

  /** Structured output for a generic type such as {@code List<Ticket>}; the caller vouches for {@code T}. */
  public static <T> StructuredOutput<T> forType(Type type, ParseLimits limits) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(limits, "limits");
    JsonNode schema = TypeSchemas.of(type);
    return new StructuredOutput<>(type, schema, Binder.forType(type), limits, SchemaValidator.of(schema));
  }

  /**
   * Structured output for a JSON Schema with no Java type: values are the validated JSON.
   *
   * @throws IllegalArgumentException when the schema is not a valid JSON Schema
   */
  public static StructuredOutput<JsonNode> forSchema(JsonNode schema, ParseLimits limits) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(limits, "limits");
    return new StructuredOutput<>(JsonNode.class, schema.deepCopy(), null, limits, SchemaValidator.of(schema));
  }

  /** The Java type values are bound to ({@code JsonNode} for a schema without one). */
  public Type type() {
    return type;
  }

  /** The JSON Schema (draft 2020-12). */
  public JsonNode schema() {
    return schema.deepCopy();
  }

  /** The compact rendering of the type, for prompts. */
  public String typeDescription() {
    return description;
  }

  /** The prompt instruction: answer with JSON of this type and nothing else. */
  public String instructions() {
    return "Answer with JSON matching this type, and nothing else:\n" + description;
  }

  /** OpenAI's native {@code response_format} for this type, in strict mode. */
  public ObjectNode responseFormat(String name) {
    return ResponseFormats.openAi(name, schema, true);
  }

  /** Anthropic's forced tool for this type: {@code {tools, tool_choice}} to merge into a Messages API request. */
  public ObjectNode anthropicTool(String name) {
    JsonNode description = schema.get("description");
    return ResponseFormats.anthropicTool(name, description == null ? null : description.asString(""), schema);
  }

  /** A value as the compact JSON a model should write for it: for examples in prompts, and for tests. */
  public String toJson(T value) {
    Objects.requireNonNull(value, "value");
    return binder == null ? value.toString() : binder.write(value);
  }

  public ParseLimits limits() {
    return parser.limits();
  }

  /** Parses raw bytes, replacing invalid UTF-8 (and saying so in the repairs). */
  public Parsed<T> parse(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    return choose(parser.extract(raw), new String(raw, StandardCharsets.UTF_8));
  }

  /**
   * Turns a model's output into a valid value.
   *
   * @throws OutputException when no value is found, it is ambiguous or too large, or it does not fit the type even
   *     after repairs; the exception says where, what was expected and what was found
   */
  public Parsed<T> parse(String raw) {
    Objects.requireNonNull(raw, "raw");
    return choose(parser.extract(raw), raw);
  }

  /**
   * The exchange-side check: accepts an answer whose output parses (or already is a value of the type), with the
   * repairs it took ({@link Repair#toString()}, such as {@code "TRAILING_COMMA at $ (char 41)"}) for the ledger; rejects
   * it otherwise with the problems as the reason, so the microtask escalates and the bidder's track record learns it.
   */
  public OutputCheck check() {
    return (task, answer) -> {
      Object out = answer.output();
      if (out instanceof Parsed<?> p) {
        return new OutputCheck.Verdict.Accept(p.value(), described(p.repairs()));
      }
      if (out != null && type instanceof Class<?> c && c != Object.class && c.isInstance(out)
          && !(out instanceof CharSequence)) {
        return new OutputCheck.Verdict.Accept(out);
      }
      if (!(out instanceof CharSequence) && !(out instanceof byte[])) {
        return new OutputCheck.Verdict.Reject("expected model text or a " + type.getTypeName() + ", got "
            + (out == null ? "null" : out.getClass().getName()));
      }
      try {
        Parsed<T> parsed = out instanceof byte[] b ? parse(b) : parse(out.toString());
        return new OutputCheck.Verdict.Accept(parsed.value(), described(parsed.repairs()));
      } catch (OutputException e) {
        return new OutputCheck.Verdict.Reject(e.reason() + ": " + e.feedback().replace('\n', ' '));
      }
    };
  }

  private static List<String> described(List<Repair> repairs) {
    return repairs.stream().map(Repair::toString).toList();
  }

  /** A parser for a response that streams in, yielding the fields completed so far. */
  public PartialParser<T> streaming() {
    return new PartialParser<>(this);
  }

  // ---- the parse path -----------------------------------------------------------------------------------------------

  private record Evaluated(Candidate candidate, SchemaAligner.Aligned aligned, List<OutputException.Problem> problems) {
    int repairs() {
      return candidate.repairs().size() + aligned.repairs().size();
    }
  }

  private Parsed<T> choose(Extraction ex, String raw) {
    List<Candidate> candidates = ex.candidates();
    if (candidates.isEmpty()) {
      throw new OutputException(OutputException.Reason.NO_VALUE,
          List.of(new OutputException.Problem("$", "JSON matching " + shortType(), "an empty output", "")),
          ex.inputRepairs(), raw);
    }
    List<Evaluated> evaluated = new ArrayList<>(candidates.size());
    Evaluated best = null;
    for (Candidate c : candidates) {
      SchemaAligner.Aligned aligned = aligner.align(c.value());
      Evaluated e = new Evaluated(c, aligned, validator.validate(aligned.value()));
      evaluated.add(e);
      if (e.problems().isEmpty() && (best == null || better(e, best))) {
        best = e;
      }
      if (c.source() == Candidate.Source.WHOLE && e.problems().isEmpty()) {
        break; // the output is exactly one valid value: nothing else to consider
      }
    }
    if (best == null) {
      throw refusal(evaluated, ex, raw);
    }
    for (Evaluated e : evaluated) {
      if (e != best && e.problems().isEmpty() && !better(best, e) && !e.aligned().value().equals(best.aligned().value())) {
        throw new OutputException(OutputException.Reason.AMBIGUOUS, List.of(new OutputException.Problem("$",
            "one value matching " + shortType(), "several: " + shown(best.aligned().value()) + " and "
                + shown(e.aligned().value()), "")), repairs(best, evaluated, ex), raw);
      }
    }
    List<Repair> repairs = repairs(best, evaluated, ex);
    return new Parsed<>(bind(best.aligned().value(), repairs, raw), best.aligned().value(), repairs, raw);
  }

  /** Whether {@code a} is preferred to {@code b}: a better source, then fewer repairs. */
  private static boolean better(Evaluated a, Evaluated b) {
    int source = Integer.compare(rank(a.candidate().source()), rank(b.candidate().source()));
    return source != 0 ? source < 0 : a.repairs() < b.repairs();
  }

  private static int rank(Candidate.Source s) {
    return switch (s) {
      case WHOLE -> 0;
      case FENCE -> 1;
      case PROSE -> 2;
      case TEXT -> 3;
    };
  }

  private static List<Repair> repairs(Evaluated chosen, List<Evaluated> all, Extraction ex) {
    List<Repair> out = new ArrayList<>(ex.inputRepairs());
    Candidate c = chosen.candidate();
    switch (c.source()) {
      case FENCE -> out.add(new Repair(Repair.Kind.EXTRACTED_FROM_FENCE, "$", c.start(), ""));
      case PROSE -> out.add(new Repair(Repair.Kind.EXTRACTED_FROM_PROSE, "$", c.start(), ""));
      default -> { }
    }
    long structured = all.stream().filter(e -> e.candidate().source() != Candidate.Source.TEXT).count();
    if (structured > 1 && c.source() != Candidate.Source.TEXT) {
      out.add(new Repair(Repair.Kind.CHOSE_CANDIDATE, "$", c.start(), "1 of " + structured + " values"));
    }
    out.addAll(c.repairs());
    out.addAll(chosen.aligned().repairs());
    return out;
  }

  private OutputException refusal(List<Evaluated> evaluated, Extraction ex, String raw) {
    for (Evaluated e : evaluated) {
      if (!e.aligned().ambiguities().isEmpty()) {
        return new OutputException(OutputException.Reason.AMBIGUOUS, List.of(new OutputException.Problem("$",
            "one value matching " + shortType(), e.aligned().ambiguities().getFirst(), "")), List.of(), raw);
      }
    }
    Evaluated closest = null;
    for (Evaluated e : evaluated) {
      if (e.candidate().source() != Candidate.Source.TEXT
          && (closest == null || e.problems().size() < closest.problems().size())) {
        closest = e;
      }
    }
    if (closest == null) {
      Evaluated text = evaluated.getLast();
      return new OutputException(OutputException.Reason.NO_VALUE, text.problems(), ex.inputRepairs(), raw);
    }
    return new OutputException(OutputException.Reason.INVALID, closest.problems(),
        repairs(closest, evaluated, ex), raw);
  }

  @SuppressWarnings("unchecked")
  private T bind(JsonNode json, List<Repair> repairs, String raw) {
    if (binder == null) {
      return (T) json;
    }
    try {
      return (T) binder.bind(json);
    } catch (Binder.BindingException e) {
      throw new OutputException(OutputException.Reason.UNBINDABLE, List.of(new OutputException.Problem(e.path(),
          "a value " + type.getTypeName() + " accepts", shown(json), e.getMessage())), repairs, raw);
    }
  }

  /** Binds JSON that is known to be partial (streaming); empty when the type cannot take it yet. */
  Optional<T> bindPartial(JsonNode json) {
    JsonNode aligned = aligner.align(json).value();
    if (binder == null) {
      @SuppressWarnings("unchecked")
      T value = (T) aligned;
      return Optional.of(value);
    }
    try {
      @SuppressWarnings("unchecked")
      T value = (T) binder.bind(aligned);
      return Optional.ofNullable(value);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  LenientParser parser() {
    return parser;
  }

  private String shortType() {
    String oneLine = description.replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "…";
  }

  private static String shown(JsonNode json) {
    String s = json.toString();
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }
}
