package dev.atomic.output.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/*
 * Schema alignment: bends a parsed value towards its JSON Schema where the intent is unambiguous, and logs each bend.
 *
 * Design notes.
 * - It walks value and schema together (following local $refs), and only ever changes a value whose type or spelling
 *   does not fit: a value that already fits comes back untouched, so valid output costs one walk and no repairs.
 * - Coercions are the ones a careful reader would make without asking: "12" for an integer, "Not Spam" for NOT_SPAM, a
 *   lone object where a list is expected, {"result": {...}} around the expected object, a key spelt in another case.
 *   Guesses are not coercions: "85%" is not turned into a number, and a prose answer naming two enum values is left
 *   alone and reported as ambiguous.
 * - anyOf / oneOf branches (tagged unions) are each tried on the side; the branch that fits with fewest repairs wins.
 * - It does not validate: the validator runs after it and has the last word.
 */
/**
 * Bends a parsed value towards a JSON Schema where the intent is unambiguous, reporting each change as a {@link Repair}.
 * Immutable and thread-safe; create one per schema.
 */
public final class SchemaAligner {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_UNWRAP = 2;

  private final JsonNode root;
  private final int maxDepth;

  public SchemaAligner(JsonNode rootSchema, int maxDepth) {
    this.root = Objects.requireNonNull(rootSchema, "rootSchema");
    this.maxDepth = maxDepth;
  }

  /**
   * The value aligned to the schema.
   *
   * @param value the aligned value (the input itself when nothing needed changing)
   * @param repairs what was changed
   * @param ambiguities why something could not be decided, such as a prose answer naming two enum values
   */
  public record Aligned(JsonNode value, List<Repair> repairs, List<String> ambiguities) {
    public Aligned {
      repairs = List.copyOf(repairs);
      ambiguities = List.copyOf(ambiguities);
    }
  }

  /** Aligns a value to the root schema. */
  public Aligned align(JsonNode value) {
    Context ctx = new Context(new RepairLog());
    JsonNode aligned = align(value, root, ctx, 0);
    return new Aligned(aligned, ctx.log.repairs(), ctx.ambiguities);
  }

  /** Whether a value fits the schema's structure (types, enums, required properties): a quick, partial check. */
  public boolean fits(JsonNode value) {
    return fits(value, root, new Context(new RepairLog()), 0);
  }

  /** Steps one alignment may take: a recursive schema full of anyOf branches must not make it exponential. */
  private static final int MAX_STEPS = 1_000_000;

  private static final class Context {
    final RepairLog log;
    final List<String> ambiguities = new ArrayList<>();
    final int[] steps;

    Context(RepairLog log) {
      this(log, new int[1]);
    }

    private Context(RepairLog log, int[] steps) {
      this.log = log;
      this.steps = steps;
    }

    /** A context for trying a branch on the side; it shares this one's step budget. */
    Context fork() {
      return new Context(log.fork(), steps);
    }

    boolean exhausted() {
      return ++steps[0] > MAX_STEPS;
    }
  }

  // ---- alignment ----------------------------------------------------------------------------------------------------

  private JsonNode align(JsonNode node, JsonNode schema, Context ctx, int depth) {
    schema = deref(schema);
    if (schema == null || !schema.isObject() || depth > maxDepth || ctx.exhausted()) {
      return node;
    }
    JsonNode branches = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    if (branches != null && branches.isArray()) {
      return alignBranches(node, branches, ctx, depth);
    }
    if (schema.has("enum") || schema.has("const")) {
      return alignEnum(node, schema, ctx);
    }
    List<String> types = SchemaKeywords.types(schema);
    if (types.isEmpty()) {
      if (schema.has("properties") && node.isObject()) {
        return alignObject(node, schema, ctx, depth, 0);
      }
      if (schema.has("items") && node.isArray()) {
        return alignArray(node, schema, ctx, depth);
      }
      return node;
    }
    for (String t : types) {
      if (SchemaKeywords.hasType(node, t)) {
        return descend(node, t, schema, ctx, depth);
      }
    }
    for (String t : types) {
      JsonNode coerced = coerce(node, t, schema, ctx, depth);
      if (coerced != null) {
        return coerced;
      }
    }
    return node;
  }

  private JsonNode descend(JsonNode node, String type, JsonNode schema, Context ctx, int depth) {
    return switch (type) {
      case "object" -> alignObject(node, schema, ctx, depth, 0);
      case "array" -> alignArray(node, schema, ctx, depth);
      case "integer" -> node.isIntegralNumber() || Math.abs(node.decimalValue().scale()) > 400 ? node
          : ValueParser.numberNode(node.decimalValue().toBigIntegerExact().toString(), false);
      default -> node;
    };
  }

  private JsonNode coerce(JsonNode node, String type, JsonNode schema, Context ctx, int depth) {
    JsonNode single = singleValue(node);
    switch (type) {
      case "object" -> {
        JsonNode parsed = parsedString(node, '{', ctx);
        if (parsed != null && parsed.isObject()) {
          return alignObject(parsed, schema, ctx, depth, 0);
        }
        if (node.isArray() && node.size() == 1 && node.get(0).isObject()) {
          ctx.log.add(Repair.Kind.UNWRAPPED, -1, "a list of one object");
          return alignObject(node.get(0), schema, ctx, depth, 0);
        }
        return null;
      }
      case "array" -> {
        JsonNode parsed = parsedString(node, '[', ctx);
        if (parsed != null && parsed.isArray()) {
          return alignArray(parsed, schema, ctx, depth);
        }
        if (single != null && single.isArray()) {
          ctx.log.add(Repair.Kind.UNWRAPPED, -1, "object around the list");
          return alignArray(single, schema, ctx, depth);
        }
        if (node.isNull()) {
          return null;
        }
        ctx.log.add(Repair.Kind.SINGLE_TO_LIST, -1, "");
        return alignArray(NODES.arrayNode().add(node), schema, ctx, depth);
      }
      case "string" -> {
        if (node.isNumber()) {
          ctx.log.add(Repair.Kind.NUMBER_TO_STRING, -1, node.toString());
          return NODES.stringNode(node.numberValue() instanceof BigDecimal d ? d.toPlainString() : node.toString());
        }
        if (node.isBoolean()) {
          ctx.log.add(Repair.Kind.BOOLEAN_TO_STRING, -1, node.toString());
          return NODES.stringNode(node.toString());
        }
        return unwrapScalar(node, single, "string", schema, ctx, depth);
      }
      case "integer", "number" -> {
        if (node.isString()) {
          JsonNode n = Coercions.number(node.stringValue(), type.equals("integer"));
          if (n != null) {
            ctx.log.add(Repair.Kind.STRING_TO_NUMBER, -1, "'" + node.stringValue() + "' -> " + n);
            return n;
          }
          return null;
        }
        return unwrapScalar(node, single, type, schema, ctx, depth);
      }
      case "boolean" -> {
        if (node.isString()) {
          Boolean b = Coercions.bool(node.stringValue());
          if (b != null) {
            ctx.log.add(Repair.Kind.STRING_TO_BOOLEAN, -1, "'" + node.stringValue() + "' -> " + b);
            return NODES.booleanNode(b);
          }
          return null;
        }
        return unwrapScalar(node, single, type, schema, ctx, depth);
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code {"answer": 12}} where 12 is expected. */
  private JsonNode unwrapScalar(JsonNode node, JsonNode single, String type, JsonNode schema, Context ctx, int depth) {
    if (single == null || single.isContainer()) {
      return null;
    }
    ctx.log.add(Repair.Kind.UNWRAPPED, -1, "object around the " + type);
    return align(single, schema, ctx, depth + 1);
  }

  private JsonNode alignObject(JsonNode node, JsonNode schema, Context ctx, int depth, int unwraps) {
    JsonNode props = schema.get("properties");
    Set<String> required = SchemaKeywords.required(schema);
    // {"result": {...expected object...}}: one key the schema does not know, wrapping an object it does
    if (props != null && props.isObject() && node.size() == 1 && unwraps < MAX_UNWRAP) {
      Map.Entry<String, JsonNode> only = node.properties().iterator().next();
      if (!props.has(only.getKey()) && normalizedMatch(props, only.getKey(), node) == null && only.getValue().isObject()
          && sharesKeys(only.getValue(), props)) {
        ctx.log.add(Repair.Kind.UNWRAPPED, -1, "'" + only.getKey() + "'");
        return alignObject(only.getValue(), schema, ctx, depth, unwraps + 1);
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue()
        && !schema.has("patternProperties");
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (props != null && props.isObject() && !props.has(key)) {
        String match = normalizedMatch(props, key, node);
        if (match != null) {
          ctx.log.push(match);
          ctx.log.add(Repair.Kind.KEY_MATCH, -1, "'" + key + "' -> '" + match + "'");
          ctx.log.pop();
          key = match;
        }
      }
      JsonNode propSchema = props != null ? props.get(key) : null;
      ctx.log.push(key);
      try {
        if (propSchema != null) {
          if (value.isNull() && !required.contains(key) && !allowsNull(propSchema, 0)) {
            ctx.log.add(Repair.Kind.DROPPED_NULL, -1, "");
            continue;
          }
          out.set(key, align(value, propSchema, ctx, depth + 1));
        } else if (closed) {
          ctx.log.add(Repair.Kind.DROPPED_PROPERTY, -1, "not in the schema");
        } else if (additional != null && additional.isObject()) {
          out.set(key, align(value, additional, ctx, depth + 1));
        } else {
          out.set(key, value);
        }
      } finally {
        ctx.log.pop();
      }
    }
    return out;
  }

  private JsonNode alignArray(JsonNode node, JsonNode schema, Context ctx, int depth) {
    JsonNode items = schema.get("items");
    if (items == null || !items.isObject()) {
      return node;
    }
    ArrayNode out = NODES.arrayNode(node.size());
    for (int i = 0; i < node.size(); i++) {
      ctx.log.push(i);
      out.add(align(node.get(i), items, ctx, depth + 1));
      ctx.log.pop();
    }
    return out;
  }

  private JsonNode alignBranches(JsonNode node, JsonNode branches, Context ctx, int depth) {
    JsonNode best = null;
    Context bestCtx = null;
    for (JsonNode branch : branches) {
      if (fits(node, branch, ctx, depth + 1)) {
        return align(node, branch, ctx, depth + 1); // fits as it is: only its children may need work
      }
    }
    for (JsonNode branch : branches) {
      Context trial = ctx.fork();
      JsonNode aligned = align(node, branch, trial, depth + 1);
      if (fits(aligned, branch, ctx, depth + 1) && (bestCtx == null || trial.log.size() < bestCtx.log.size())) {
        best = aligned;
        bestCtx = trial;
      }
    }
    if (best == null) {
      return node;
    }
    ctx.log.addAll(bestCtx.log.repairs());
    ctx.ambiguities.addAll(bestCtx.ambiguities);
    return best;
  }

  private JsonNode alignEnum(JsonNode node, JsonNode schema, Context ctx) {
    List<JsonNode> allowed = new ArrayList<>();
    if (schema.has("enum")) {
      schema.get("enum").forEach(allowed::add);
    }
    if (schema.has("const")) {
      allowed.add(schema.get("const"));
    }
    if (allowed.contains(node)) {
      return node;
    }
    JsonNode subject = node;
    JsonNode single = singleValue(node);
    if (single != null && !single.isContainer()) {
      subject = single;
    }
    if (!subject.isValueNode() || subject.isNull()) {
      return node;
    }
    if (subject != node) {
      if (allowed.contains(subject)) {
        ctx.log.add(Repair.Kind.UNWRAPPED, -1, "object around the enum value");
        return subject;
      }
    }
    String text = subject.isString() ? subject.stringValue() : subject.toString();
    String norm = Coercions.normalize(text);
    JsonNode match = null;
    int matches = 0;
    for (JsonNode a : allowed) {
      if (Coercions.normalize(a.isString() ? a.stringValue() : a.toString()).equals(norm)) {
        match = a;
        matches++;
      }
    }
    if (matches == 1) {
      if (subject != node) {
        ctx.log.add(Repair.Kind.UNWRAPPED, -1, "object around the enum value");
      }
      ctx.log.add(Repair.Kind.ENUM_MATCH, -1, "'" + text + "' -> " + match);
      return match;
    }
    if (matches == 0 && subject.isString()) {
      return enumFromProse(node, text, allowed, ctx);
    }
    return node;
  }

  /** The one enum value a prose answer names; longer names win over the names they contain ("not spam" over "spam"). */
  private static JsonNode enumFromProse(JsonNode node, String text, List<JsonNode> allowed, Context ctx) {
    String haystack = " " + Coercions.words(text) + " ";
    List<int[]> spans = new ArrayList<>();
    List<JsonNode> owners = new ArrayList<>();
    for (JsonNode a : allowed) {
      if (!a.isString()) {
        continue;
      }
      String needle = " " + Coercions.words(a.stringValue()) + " ";
      if (needle.isBlank()) {
        continue;
      }
      for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        spans.add(new int[] {at, at + needle.length()});
        owners.add(a);
      }
    }
    Set<JsonNode> named = new LinkedHashSet<>();
    for (int i = 0; i < spans.size(); i++) {
      boolean inside = false;
      for (int j = 0; j < spans.size() && !inside; j++) {
        int[] a = spans.get(i);
        int[] b = spans.get(j);
        inside = j != i && b[1] - b[0] > a[1] - a[0] && b[0] <= a[0] && a[1] <= b[1];
      }
      if (!inside) {
        named.add(owners.get(i));
      }
    }
    if (named.size() == 1) {
      JsonNode value = named.iterator().next();
      ctx.log.add(Repair.Kind.ENUM_FROM_PROSE, -1, value.toString());
      return value;
    }
    if (named.size() > 1) {
      ctx.ambiguities.add(ctx.log.path() + " names several allowed values: " + named);
    }
    return node;
  }

  // ---- the quick structural check -----------------------------------------------------------------------------------

  private boolean fits(JsonNode node, JsonNode schema, Context ctx, int depth) {
    schema = deref(schema);
    if (schema == null || depth > maxDepth || ctx.exhausted()) {
      return true;
    }
    if (schema.isBoolean()) {
      return schema.booleanValue();
    }
    if (!schema.isObject()) {
      return true;
    }
    JsonNode branches = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    if (branches != null && branches.isArray()) {
      boolean any = false;
      for (JsonNode b : branches) {
        any = any || fits(node, b, ctx, depth + 1);
      }
      if (!any) {
        return false;
      }
    }
    if (schema.has("const") && !schema.get("const").equals(node)) {
      return false;
    }
    if (schema.has("enum")) {
      boolean in = false;
      for (JsonNode e : schema.get("enum")) {
        in |= e.equals(node);
      }
      if (!in) {
        return false;
      }
    }
    List<String> types = SchemaKeywords.types(schema);
    if (!types.isEmpty() && types.stream().noneMatch(t -> SchemaKeywords.hasType(node, t))) {
      return false;
    }
    if (node.isObject()) {
      for (String r : SchemaKeywords.required(schema)) {
        if (!node.has(r)) {
          return false;
        }
      }
      JsonNode props = schema.get("properties");
      if (props != null && props.isObject()) {
        for (Map.Entry<String, JsonNode> e : props.properties()) {
          JsonNode v = node.get(e.getKey());
          if (v != null && !fits(v, e.getValue(), ctx, depth + 1)) {
            return false;
          }
        }
      }
      JsonNode additional = schema.get("additionalProperties");
      if (additional != null && additional.isBoolean() && !additional.booleanValue()
          && !schema.has("patternProperties")) {
        for (String k : node.propertyNames()) {
          if (props == null || !props.has(k)) {
            return false;
          }
        }
      }
    }
    if (node.isArray() && schema.get("items") != null && schema.get("items").isObject()) {
      for (JsonNode item : node) {
        if (!fits(item, schema.get("items"), ctx, depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------

  private JsonNode deref(JsonNode schema) {
    for (int hops = 0; schema != null && schema.isObject() && schema.has("$ref") && hops < 32; hops++) {
      String ref = schema.get("$ref").asString("");
      if (!ref.startsWith("#")) {
        return schema;
      }
      JsonNode target = ref.equals("#") ? root : root.at(ref.substring(1));
      if (target.isMissingNode()) {
        return schema;
      }
      schema = target;
    }
    return schema;
  }

  private boolean allowsNull(JsonNode schema, int depth) {
    schema = deref(schema);
    if (schema == null || !schema.isObject() || depth > 8) {
      return true;
    }
    JsonNode branches = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    if (branches != null && branches.isArray()) {
      for (JsonNode b : branches) {
        if (allowsNull(b, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    if (schema.has("enum")) {
      for (JsonNode e : schema.get("enum")) {
        if (e.isNull()) {
          return true;
        }
      }
      return false;
    }
    List<String> types = SchemaKeywords.types(schema);
    return types.isEmpty() || types.contains("null");
  }

  /** The value of a one-property object, or null. */
  private static JsonNode singleValue(JsonNode node) {
    return node.isObject() && node.size() == 1 ? node.values().iterator().next() : null;
  }

  private JsonNode parsedString(JsonNode node, char open, Context ctx) {
    if (!node.isString()) {
      return null;
    }
    String text = node.stringValue().strip();
    if (text.isEmpty() || text.charAt(0) != open) {
      return null;
    }
    RepairLog inner = ctx.log.fork();
    ValueParser.Result r = ValueParser.parse(text, 0, text.length(), maxDepth, inner);
    if (r.value() == null) {
      return null;
    }
    ctx.log.add(Repair.Kind.STRING_TO_JSON, -1, "");
    ctx.log.addAll(inner.repairs());
    return r.value();
  }

  private static String normalizedMatch(JsonNode props, String key, JsonNode node) {
    String norm = Coercions.normalize(key);
    String found = null;
    for (String p : props.propertyNames()) {
      if (Coercions.normalize(p).equals(norm) && !node.has(p)) {
        if (found != null) {
          return null; // two properties spelt alike: not for us to choose
        }
        found = p;
      }
    }
    return found;
  }

  private static boolean sharesKeys(JsonNode inner, JsonNode props) {
    for (String k : inner.propertyNames()) {
      if (props.has(k) || normalizedMatch(props, k, inner) != null) {
        return true;
      }
    }
    return inner.isEmpty() && props.isEmpty();
  }
}
