package dev.atomic.output.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The native structured-output request formats of providers that support them, built from a JSON Schema.
 *
 * <p>OpenAI's strict mode wants every property required and every object closed; a property that is optional in
 * Atomic's schema is therefore made required and nullable there. The lenient parser drops such nulls again before
 * validating against the original schema.
 */
public final class ResponseFormats {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ResponseFormats() {}

  /**
   * OpenAI's {@code response_format}: {@code {type: json_schema, json_schema: {name, strict, schema}}}.
   *
   * @param name the schema's name, letters, digits, '_' and '-', at most 64
   * @throws IllegalArgumentException when the name is not allowed
   */
  public static ObjectNode openAi(String name, JsonNode schema, boolean strict) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an OpenAI schema name must be 1 to 64 letters, digits, '_' or '-', was '" + name + "'");
    }
    ObjectNode format = NODES.objectNode();
    format.put("type", "json_schema");
    ObjectNode js = format.putObject("json_schema");
    js.put("name", name);
    js.put("strict", strict);
    ObjectNode body = TypeSchemas.embedded(schema);
    js.set("schema", strict ? strict(body, 0) : body);
    return format;
  }

  /**
   * Anthropic's way to force structured output: one tool whose {@code input_schema} is the schema, and a
   * {@code tool_choice} that makes the model call it. Returns {@code {tools: [...], tool_choice: {...}}} to merge into a
   * Messages API request; the answer is the tool call's {@code input}.
   *
   * @throws IllegalArgumentException when the name is not allowed
   */
  public static ObjectNode anthropicTool(String name, String description, JsonNode schema) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an Anthropic tool name must be 1 to 64 letters, digits, '_' or '-', was '" + name + "'");
    }
    ObjectNode request = NODES.objectNode();
    ObjectNode tool = request.putArray("tools").addObject();
    tool.put("name", name);
    tool.put("description", description == null || description.isBlank() ? "Record the answer." : description);
    tool.set("input_schema", TypeSchemas.embedded(schema));
    request.putObject("tool_choice").put("type", "tool").put("name", name);
    return request;
  }

  /** A copy of the schema in the shape OpenAI's strict mode accepts. */
  static ObjectNode strict(ObjectNode s, int depth) {
    if (depth > 64) {
      return s;
    }
    for (String container : List.of("$defs", "properties")) {
      if (s.get(container) instanceof ObjectNode defs) {
        for (Map.Entry<String, JsonNode> e : new ArrayList<>(defs.properties())) {
          if (e.getValue() instanceof ObjectNode child) {
            defs.set(e.getKey(), strict(child, depth + 1));
          }
        }
      }
    }
    for (String key : List.of("items", "additionalProperties")) {
      if (s.get(key) instanceof ObjectNode child) {
        s.set(key, strict(child, depth + 1));
      }
    }
    for (String key : List.of("anyOf", "oneOf")) {
      if (s.get(key) instanceof ArrayNode branches) {
        for (int i = 0; i < branches.size(); i++) {
          if (branches.get(i) instanceof ObjectNode b) {
            branches.set(i, strict(b, depth + 1));
          }
        }
      }
    }
    if (s.get("properties") instanceof ObjectNode props) {
      Set<String> required = new HashSet<>();
      if (s.get("required") instanceof ArrayNode r) {
        r.forEach(x -> required.add(x.asString("")));
      }
      ArrayNode all = s.putArray("required");
      for (Map.Entry<String, JsonNode> e : new ArrayList<>(props.properties())) {
        all.add(e.getKey());
        if (!required.contains(e.getKey()) && e.getValue() instanceof ObjectNode p) {
          props.set(e.getKey(), nullable(p));
        }
      }
      s.put("additionalProperties", false);
    }
    return s;
  }

  private static ObjectNode nullable(ObjectNode p) {
    JsonNode type = p.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if ("null".equals(t.asString(""))) {
          return p;
        }
      }
    }
    if (type != null && type.isString() && !p.has("enum")) {
      ObjectNode copy = p.deepCopy();
      copy.putArray("type").add(type.stringValue()).add("null");
      return copy;
    }
    ObjectNode wrapped = NODES.objectNode();
    ArrayNode any = wrapped.putArray("anyOf");
    any.add(p);
    any.addObject().put("type", "null");
    return wrapped;
  }
}
