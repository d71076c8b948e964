package dev.atomic.engine.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.atomic.engine.Location;
import dev.atomic.engine.PipelineException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with line numbers, from Jackson's streaming YAML parser (a tree from
 * {@code ObjectMapper} would lose the lines). Duplicate keys are errors, not silently the last one.
 */
final class YamlReader {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlReader() {}

  static YamlNode read(String source, String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new PipelineException(new Location(source, 1), null, "the file is empty");
      }
      return node(source, parser);
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
          ? Math.max(p.getLocation().getLineNr(), 0) : 0;
      String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
          ? p.getOriginalMessage() : e.getMessage();
      throw new PipelineException(new Location(source, line), null, "not valid YAML: " + firstLine(message));
    }
  }

  private static YamlNode node(String source, JsonParser parser) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = parser.currentTokenLocation().getLineNr();
          if (entries.containsKey(key)) {
            throw new PipelineException(new Location(source, keyLine), null, "key '" + key
                + "' is written twice (first on line " + keyLines.get(key) + ")");
          }
          parser.nextToken();
          keyLines.put(key, keyLine);
          entries.put(key, node(source, parser));
        }
        yield new YamlNode.Mapping(entries, keyLines, line);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(source, parser));
        }
        yield new YamlNode.Sequence(items, line);
      }
      case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), line);
      case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getNumberValue(), line);
      case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getDoubleValue(), line);
      case VALUE_TRUE -> new YamlNode.Scalar(Boolean.TRUE, line);
      case VALUE_FALSE -> new YamlNode.Scalar(Boolean.FALSE, line);
      case VALUE_NULL -> new YamlNode.Scalar(null, line);
      default -> throw new PipelineException(new Location(source, line), null, "unexpected YAML token " + token);
    };
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
