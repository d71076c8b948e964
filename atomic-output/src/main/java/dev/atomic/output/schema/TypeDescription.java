package dev.atomic.output.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Renders a JSON Schema as a compact, TypeScript-like type for prompts, in the spirit of BAML's type descriptions:
 * <pre>{@code
 * {
 *   // Whether the message is unsolicited
 *   spam: bool,
 *   category: "BILLING" | "TECH" | "OTHER",
 *   tags: string[],
 *   reply?: { subject: string, body: string },
 * }
 * }</pre>
 * A model reads this as well as the JSON Schema it comes from, in a fraction of the tokens. Optional properties end in
 * {@code ?}; descriptions become comments; recursive definitions are named once and referred to by name.
 */
public final class TypeDescription {

  private static final int MAX_DEPTH = 32;

  private final JsonNode root;
  private final Set<String> expanding = new HashSet<>();

  private TypeDescription(JsonNode root) {
    this.root = root;
  }

  /** The compact rendering of a schema. */
  public static String render(JsonNode schema) {
    StringBuilder sb = new StringBuilder();
    JsonNode description = schema.get("description");
    if (description != null && description.isString()) {
      sb.append("// ").append(oneLine(description.stringValue())).append('\n');
    }
    new TypeDescription(schema).type(sb, schema, 0, true);
    return sb.toString();
  }

  /** The instruction that goes into a prompt: answer with JSON of this type, and nothing else. */
  public static String instructions(JsonNode schema) {
    return "Answer with JSON matching this type, and nothing else:\n" + render(schema);
  }

  private void type(StringBuilder sb, JsonNode s, int depth, boolean multiline) {
    if (depth > MAX_DEPTH || s == null || !s.isObject()) {
      sb.append(s != null && s.isBoolean() && !s.booleanValue() ? "never" : "any");
      return;
    }
    if (s.has("$ref")) {
      String ref = s.get("$ref").asString("");
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      JsonNode target = ref.equals("#") ? root : ref.startsWith("#") ? root.at(ref.substring(1)) : null;
      if (target == null || target.isMissingNode() || !expanding.add(ref)) {
        sb.append(name.isEmpty() ? "Self" : name);
        return;
      }
      type(sb, target, depth, multiline);
      expanding.remove(ref);
      return;
    }
    JsonNode branches = s.has("anyOf") ? s.get("anyOf") : s.get("oneOf");
    if (branches != null && branches.isArray()) {
      for (int i = 0; i < branches.size(); i++) {
        if (i > 0) {
          sb.append(multiline ? "\n" + indent(depth) + "| " : " | ");
        }
        type(sb, branches.get(i), depth, multiline);
      }
      return;
    }
    if (s.has("const")) {
      sb.append(s.get("const"));
      return;
    }
    if (s.has("enum")) {
      JsonNode values = s.get("enum");
      for (int i = 0; i < values.size(); i++) {
        sb.append(i > 0 ? " | " : "").append(values.get(i));
      }
      return;
    }
    List<String> types = types(s);
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) {
        sb.append(" | ");
      }
      single(sb, s, types.get(i), depth, multiline);
    }
    if (types.isEmpty()) {
      sb.append(s.has("properties") ? "" : "any");
      if (s.has("properties")) {
        object(sb, s, depth, multiline);
      }
    }
  }

  private void single(StringBuilder sb, JsonNode s, String type, int depth, boolean multiline) {
    switch (type) {
      case "object" -> object(sb, s, depth, multiline);
      case "array" -> {
        JsonNode items = s.get("items");
        boolean complex = items != null && (items.has("anyOf") || items.has("enum") || items.has("oneOf"));
        if (complex) {
          sb.append('(');
        }
        type(sb, items, depth, multiline);
        sb.append(complex ? ")[]" : "[]");
      }
      case "integer" -> sb.append("int");
      case "number" -> sb.append("float");
      case "boolean" -> sb.append("bool");
      default -> sb.append(type);
    }
  }

  private void object(StringBuilder sb, JsonNode s, int depth, boolean multiline) {
    JsonNode props = s.get("properties");
    if (props == null || props.isEmpty()) {
      JsonNode additional = s.get("additionalProperties");
      if (additional != null && additional.isObject()) {
        sb.append("map<string, ");
        type(sb, additional, depth, false);
        sb.append('>');
      } else {
        sb.append("{}");
      }
      return;
    }
    Set<String> required = new HashSet<>();
    if (s.has("required")) {
      s.get("required").forEach(r -> required.add(r.asString("")));
    }
    String inner = indent(depth + 1);
    sb.append("{\n");
    for (Map.Entry<String, JsonNode> p : props.properties()) {
      JsonNode d = p.getValue().get("description");
      if (d != null && d.isString()) {
        sb.append(inner).append("// ").append(oneLine(d.stringValue())).append('\n');
      }
      sb.append(inner).append(key(p.getKey())).append(required.contains(p.getKey()) ? ": " : "?: ");
      type(sb, p.getValue(), depth + 1, true);
      sb.append(",\n");
    }
    sb.append(indent(depth)).append('}');
  }

  private static List<String> types(JsonNode s) {
    JsonNode t = s.get("type");
    if (t == null) {
      return List.of();
    }
    if (t.isString()) {
      return List.of(t.stringValue());
    }
    ArrayList<String> out = new ArrayList<>();
    t.forEach(x -> out.add(x.asString("")));
    return out;
  }

  private static String key(String k) {
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_') || (i == 0 && Character.isDigit(c))) {
        return '"' + k.replace("\"", "\\\"") + '"';
      }
    }
    return k.isEmpty() ? "\"\"" : k;
  }

  private static String indent(int depth) {
    return "  ".repeat(depth);
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').strip();
  }
}
