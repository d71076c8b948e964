package dev.atomic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a step's input is made: one expression or literal for the whole input, or one per field of the input record.
 * Parts are {@link Expression}s or literal {@link JsonNode}s.
 */
final class Binding {

  private final Object whole;
  private final Map<String, Object> fields;

  private Binding(Object whole, Map<String, Object> fields) {
    this.whole = whole;
    this.fields = fields;
  }

  static Binding whole(Object part) {
    return new Binding(part, null);
  }

  static Binding fields(Map<String, Object> parts) {
    return new Binding(null, new LinkedHashMap<>(parts));
  }

  /** The input's value for this run, as JSON. */
  JsonNode evaluate(Scope.Values scope) {
    if (fields == null) {
      return value(whole, scope);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    fields.forEach((name, part) -> out.set(name, value(part, scope)));
    return out;
  }

  private static JsonNode value(Object part, Scope.Values scope) {
    return part instanceof Expression e ? e.evaluate(scope) : (JsonNode) part;
  }
}
