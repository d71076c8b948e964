package dev.atomic.output.validate;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Finds a schema that refers back to itself through in-place applicators only ({@code $ref}, {@code allOf},
 * {@code anyOf}, {@code oneOf}, {@code not}, {@code if/then/else}, {@code dependentSchemas}) without reading any part
 * of the instance: {@code {"anyOf": [{"$ref": "#"}]}}. Validating against such a schema never ends (the validator
 * overflows its stack), so it is refused when loaded. Recursion through {@code properties}, {@code items} and the like
 * is fine: each step reads deeper into a finite instance.
 */
final class InPlaceCycles {

  private static final List<String> ONE = List.of("not", "if", "then", "else");
  private static final List<String> MANY = List.of("allOf", "anyOf", "oneOf");
  /** Keywords whose values are subschemas or maps/lists of them, walked only to find every subschema. */
  private static final List<String> NESTED = List.of("properties", "patternProperties", "$defs", "definitions",
      "dependentSchemas", "items", "prefixItems", "additionalProperties", "unevaluatedProperties",
      "unevaluatedItems", "contains", "propertyNames", "additionalItems");

  private final JsonNode root;
  private final Map<JsonNode, Boolean> done = new IdentityHashMap<>(); // false while on the path, true when finished

  private InPlaceCycles(JsonNode root) {
    this.root = root;
  }

  /** The JSON pointer of a subschema on an in-place cycle, or null when there is none. */
  static String find(JsonNode root) {
    return new InPlaceCycles(root).walk(root, "#", 0);
  }

  /** Visits every subschema of the document and looks for a cycle from each. */
  private String walk(JsonNode schema, String where, int depth) {
    if (schema == null || !schema.isObject() || depth > 256) {
      return null;
    }
    String cycle = visit(schema, where, 0);
    if (cycle != null) {
      return cycle;
    }
    for (String key : NESTED) {
      JsonNode v = schema.get(key);
      if (v == null) {
        continue;
      }
      if (v.isObject() && !key.equals("properties") && !key.equals("patternProperties") && !key.equals("$defs")
          && !key.equals("definitions") && !key.equals("dependentSchemas")) {
        cycle = walk(v, where + "/" + key, depth + 1);
      } else if (v.isObject() || v.isArray()) {
        int i = 0;
        for (Map.Entry<String, JsonNode> e : v.isObject() ? v.properties() : indexed(v)) {
          cycle = cycle != null ? cycle : walk(e.getValue(), where + "/" + key + "/" + (v.isObject() ? e.getKey() : i), depth + 1);
          i++;
        }
      }
      if (cycle != null) {
        return cycle;
      }
    }
    for (String key : MANY) {
      JsonNode v = schema.get(key);
      if (v != null && v.isArray()) {
        for (int i = 0; i < v.size() && cycle == null; i++) {
          cycle = walk(v.get(i), where + "/" + key + "/" + i, depth + 1);
        }
      }
    }
    for (String key : ONE) {
      cycle = cycle != null ? cycle : walk(schema.get(key), where + "/" + key, depth + 1);
    }
    return cycle;
  }

  /** Depth-first along in-place edges only; a schema met again while still on the path closes a cycle. */
  private String visit(JsonNode schema, String where, int depth) {
    Boolean state = done.get(schema);
    if (state != null) {
      return state ? null : where;
    }
    if (depth > 1024) {
      return where; // so long a chain of in-place references is as good as a loop
    }
    done.put(schema, false);
    String cycle = null;
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isString() && ref.stringValue().startsWith("#")) {
      String pointer = ref.stringValue().substring(1);
      JsonNode target = pointer.isEmpty() ? root : pointer.startsWith("/") ? root.at(pointer) : null;
      if (target != null && target.isObject()) {
        cycle = visit(target, ref.stringValue(), depth + 1);
      }
    }
    for (String key : MANY) {
      JsonNode v = schema.get(key);
      if (v != null && v.isArray()) {
        for (int i = 0; i < v.size() && cycle == null; i++) {
          if (v.get(i).isObject()) {
            cycle = visit(v.get(i), where + "/" + key + "/" + i, depth + 1);
          }
        }
      }
    }
    for (String key : ONE) {
      JsonNode v = schema.get(key);
      if (cycle == null && v != null && v.isObject()) {
        cycle = visit(v, where + "/" + key, depth + 1);
      }
    }
    JsonNode dependent = schema.get("dependentSchemas");
    if (cycle == null && dependent != null && dependent.isObject()) {
      for (Map.Entry<String, JsonNode> e : dependent.properties()) {
        if (cycle == null && e.getValue().isObject()) {
          cycle = visit(e.getValue(), where + "/dependentSchemas/" + e.getKey(), depth + 1);
        }
      }
    }
    done.put(schema, true);
    return cycle;
  }

  private static Iterable<Map.Entry<String, JsonNode>> indexed(JsonNode array) {
    List<Map.Entry<String, JsonNode>> out = new java.util.ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(Map.entry(Integer.toString(i), array.get(i)));
    }
    return out;
  }
}
