package dev.atomic.engine.yaml;

import java.util.List;
import java.util.Map;

/** A YAML value with the line it starts on, so that every load error can name its line. */
sealed interface YamlNode {

  int line();

  /** A scalar: String, Integer, Long, Double, Boolean or {@code null}. */
  record Scalar(Object value, int line) implements YamlNode {}

  /** A mapping, in the order written; {@code keyLines} holds the line of each key. */
  record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {}

  record Sequence(List<YamlNode> items, int line) implements YamlNode {}

  /** The plain Java value: maps, lists and scalars. */
  default Object plain() {
    return switch (this) {
      case Scalar s -> s.value();
      case Sequence s -> s.items().stream().map(YamlNode::plain).toList();
      case Mapping m -> {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, v.plain()));
        yield out;
      }
    };
  }
}
