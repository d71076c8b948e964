package dev.atomic.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an answer against a schema of the OpenAPI document: every field the answer has is documented, every
 * documented property is answered, and each value has a documented type, all the way down ({@code $ref}, {@code
 * oneOf}, arrays). Enough of JSON Schema for our own document, which is what it is for.
 */
final class SchemaCheck {

  private final JsonNode document;

  SchemaCheck(JsonNode document) {
    this.document = document;
  }

  /** The schema of a route's answer with this status. */
  JsonNode answer(String method, String path, int status) {
    JsonNode schema = document.path("paths").path(path).path(method.toLowerCase()).path("responses")
        .path(Integer.toString(status)).path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      throw new AssertionError(method + " " + path + " documents no JSON answer for " + status);
    }
    return schema;
  }

  /** What differs between the value and the schema, one line each; empty when it conforms. */
  List<String> mismatches(JsonNode value, JsonNode schema) {
    List<String> found = new ArrayList<>();
    check("$", value, schema, found);
    return found;
  }

  private void check(String at, JsonNode value, JsonNode schema, List<String> found) {
    schema = resolve(schema);
    if (schema.has("oneOf")) {
      for (JsonNode alternative : schema.path("oneOf")) {
        if (mismatchesAt(at, value, alternative).isEmpty()) {
          return;
        }
      }
      found.add(at + ": matches none of its oneOf alternatives");
      return;
    }
    if (!typeAllows(schema.path("type"), value)) {
      found.add(at + ": " + value.getNodeType() + " where the document says " + schema.path("type"));
      return;
    }
    if (value.isObject() && schema.has("properties")) {
      Set<String> answered = new TreeSet<>();
      value.fieldNames().forEachRemaining(answered::add);
      Set<String> documented = new TreeSet<>();
      schema.path("properties").fieldNames().forEachRemaining(documented::add);
      if (!answered.equals(documented)) {
        found.add(at + ": fields " + answered + " where the document names " + documented);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (documented.contains(field.getKey())) {
          check(at + "." + field.getKey(), field.getValue(), schema.path("properties").path(field.getKey()), found);
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(at + "[" + i + "]", value.get(i), schema.path("items"), found);
      }
    }
  }

  private List<String> mismatchesAt(String at, JsonNode value, JsonNode schema) {
    List<String> found = new ArrayList<>();
    check(at, value, schema, found);
    return found;
  }

  private JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.path("$ref").asText();
      schema = document.at(ref.substring(1));
      if (schema.isMissingNode()) {
        throw new AssertionError("the document refers to " + ref + ", which it does not have");
      }
    }
    return schema;
  }

  private static boolean typeAllows(JsonNode type, JsonNode value) {
    if (type.isMissingNode()) {
      return true; // any JSON value, as a microtask's output
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeAllows(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new AssertionError("the document names an unknown type " + type);
    };
  }
}
