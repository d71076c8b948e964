package dev.atomic.output.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reading the keywords of a JSON Schema that alignment needs: {@code type} and {@code required}. */
final class SchemaKeywords {

  private SchemaKeywords() {}

  static List<String> types(JsonNode schema) {
    JsonNode t = schema.get("type");
    if (t == null) {
      return List.of();
    }
    if (t.isString()) {
      return List.of(t.stringValue());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : t) {
      if (x.isString()) {
        out.add(x.stringValue());
      }
    }
    return out;
  }

  static Set<String> required(JsonNode schema) {
    JsonNode r = schema.get("required");
    if (r == null || !r.isArray()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (JsonNode x : r) {
      if (x.isString()) {
        out.add(x.stringValue());
      }
    }
    return out;
  }

  static boolean hasType(JsonNode node, String type) {
    return switch (type) {
      case "object" -> node.isObject();
      case "array" -> node.isArray();
      case "string" -> node.isString();
      case "number" -> node.isNumber();
      case "integer" -> node.isIntegralNumber() || (node.isNumber() && integral(node));
      case "boolean" -> node.isBoolean();
      case "null" -> node.isNull();
      default -> false;
    };
  }

  static boolean integral(JsonNode n) {
    try {
      BigDecimal d = n.decimalValue();
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    } catch (RuntimeException e) {
      return false; // NaN or infinity
    }
  }
}
