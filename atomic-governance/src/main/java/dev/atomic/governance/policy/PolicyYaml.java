package dev.atomic.governance.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a {@link DataPolicy} from YAML. Every problem is a {@link PolicyFormatException} naming the line and the rule:
 *
 * {@snippet lang=yaml :
 * mode: normal            # or clean-room: only sovereign bidders see anything
 * rules:
 *   - name: cards-stay-home
 *     classes: [pci.card]
 *     onPremises: true
 *   - name: eu-pii
 *     classes: ["pii.*"]
 *     regions: [eu-west, eu-central]
 *   - name: no-secrets
 *     classes: ["secret.*"]
 *     deny: true
 * }
 *
 * Rule keys: {@code name} and {@code classes} (required), then {@code deny}, {@code onPremises}, {@code sovereign}
 * (booleans), {@code regions}, {@code vendors}, {@code bidders}, {@code tags} (a list or a single string). Unknown and
 * repeated keys are errors, so a typo cannot silently weaken a policy.
 */
public final class PolicyYaml {

  static final int MAX_CHARS = 1_000_000;
  private static final Set<String> RULE_KEYS =
      Set.of("name", "classes", "deny", "onPremises", "sovereign", "regions", "vendors", "bidders", "tags");

  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private PolicyYaml() {}

  /** Reads and parses a policy file. */
  public static DataPolicy load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PolicyFormatException(0, "cannot read policy file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a policy document. */
  public static DataPolicy parse(String yaml) {
    if (yaml == null) {
      throw new PolicyFormatException(0, "the policy document is null", null);
    }
    if (yaml.length() > MAX_CHARS) {
      throw new PolicyFormatException(0, "the policy document has " + yaml.length() + " characters, more than the "
          + MAX_CHARS + " allowed", null);
    }
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      return document(parser);
    } catch (PolicyFormatException e) {
      throw e;
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw new PolicyFormatException(at == null ? 0 : at.getLineNr(), "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException | RuntimeException e) {
      // The YAML library's own failures (deep nesting, alias limits, bad characters) are syntax problems too.
      throw new PolicyFormatException(0, "not valid YAML: " + e, e);
    }
  }

  private static DataPolicy document(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw error(p, null, "the document must be a mapping with 'rules' (and optionally 'mode'), found "
          + describe(first));
    }
    DataPolicy.Builder builder = DataPolicy.builder();
    Set<String> seen = new HashSet<>();
    boolean hasRules = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int line = line(p);
      if (!seen.add(key)) {
        throw new PolicyFormatException(line, "key '" + key + "' appears twice at the top level", null);
      }
      JsonToken value = p.nextToken();
      switch (key) {
        case "mode" -> builder.cleanRoom(mode(p, value, line));
        case "rules" -> {
          rules(p, value, builder);
          hasRules = true;
        }
        default -> throw new PolicyFormatException(line, "unknown top-level key '" + key
            + "'; expected 'mode' or 'rules'", null);
      }
    }
    if (!hasRules) {
      throw new PolicyFormatException(0, "the document has no 'rules' list", null);
    }
    if (p.nextToken() != null) {
      throw error(p, null, "only one YAML document is allowed");
    }
    return builder.build();
  }

  private static boolean mode(JsonParser p, JsonToken value, int line) throws IOException {
    String mode = value == JsonToken.VALUE_STRING ? p.getText() : null;
    if ("clean-room".equals(mode)) {
      return true;
    }
    if ("normal".equals(mode)) {
      return false;
    }
    throw new PolicyFormatException(line, "mode must be 'normal' or 'clean-room', was "
        + (mode == null ? describe(value) : "'" + mode + "'"), null);
  }

  private static void rules(JsonParser p, JsonToken value, DataPolicy.Builder builder) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw error(p, null, "'rules' must be a list of rules, found " + describe(value));
    }
    int index = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      index++;
      if (t != JsonToken.START_OBJECT) {
        throw error(p, null, "rule #" + index + " must be a mapping of keys, found " + describe(t));
      }
      int line = line(p);
      Rule rule = rule(p, line, index);
      try {
        builder.rule(rule);
      } catch (IllegalArgumentException e) {
        throw new PolicyFormatException(line, "rule #" + index + ": " + e.getMessage(), null);
      }
    }
  }

  private static Rule rule(JsonParser p, int line, int index) throws IOException {
    Set<String> seen = new HashSet<>();
    String name = null;
    List<String> classes = List.of();
    Boolean deny = null;
    Boolean onPremises = null;
    Boolean sovereign = null;
    List<String> regions = List.of();
    List<String> vendors = List.of();
    List<String> bidders = List.of();
    List<String> tags = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = line(p);
      String where = "rule #" + index + (name != null ? " '" + name + "'" : "");
      if (!RULE_KEYS.contains(key)) {
        throw new PolicyFormatException(keyLine, where + ": unknown key '" + key + "'; expected one of "
            + RULE_KEYS.stream().sorted().toList(), null);
      }
      if (!seen.add(key)) {
        throw new PolicyFormatException(keyLine, where + ": key '" + key + "' appears twice", null);
      }
      p.nextToken();
      JsonNode readNode = MAPPER.readTree(p);
      JsonNode node = readNode == null ? NullNode.getInstance() : readNode;
      switch (key) {
        case "name" -> name = text(node, keyLine, where, key);
        case "classes" -> classes = strings(node, keyLine, where, key);
        case "deny" -> deny = bool(node, keyLine, where, key);
        case "onPremises" -> onPremises = bool(node, keyLine, where, key);
        case "sovereign" -> sovereign = bool(node, keyLine, where, key);
        case "regions" -> regions = strings(node, keyLine, where, key);
        case "vendors" -> vendors = strings(node, keyLine, where, key);
        case "bidders" -> bidders = strings(node, keyLine, where, key);
        case "tags" -> tags = strings(node, keyLine, where, key);
        default -> throw new IllegalStateException("unhandled key " + key);
      }
    }
    String where = "rule #" + index + (name != null ? " '" + name + "'" : "");
    if (name == null) {
      throw new PolicyFormatException(line, where + " has no 'name'", null);
    }
    if (classes.isEmpty()) {
      throw new PolicyFormatException(line, where + " has no 'classes'", null);
    }
    try {
      Rule.Builder rule = Rule.named(name).line(line);
      rule.classes(classes.toArray(String[]::new));
      if (Boolean.TRUE.equals(deny)) {
        rule.deny();
      }
      if (onPremises != null) {
        rule.onPremises(onPremises);
      }
      if (sovereign != null) {
        rule.sovereign(sovereign);
      }
      rule.regions(regions.toArray(String[]::new)).vendors(vendors.toArray(String[]::new))
          .bidders(bidders.toArray(String[]::new)).tags(tags.toArray(String[]::new));
      return rule.build();
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException(line, where + ": " + e.getMessage(), null);
    }
  }

  private static String text(JsonNode node, int line, String where, String key) {
    if (!node.isTextual()) {
      throw new PolicyFormatException(line, where + ": '" + key + "' must be a string, found " + kind(node), null);
    }
    return node.textValue();
  }

  private static Boolean bool(JsonNode node, int line, String where, String key) {
    if (!node.isBoolean()) {
      throw new PolicyFormatException(line, where + ": '" + key + "' must be true or false, found " + kind(node), null);
    }
    return node.booleanValue();
  }

  private static List<String> strings(JsonNode node, int line, String where, String key) {
    if (node.isTextual()) {
      return List.of(node.textValue());
    }
    if (!node.isArray()) {
      throw new PolicyFormatException(line, where + ": '" + key + "' must be a list of strings, found " + kind(node),
          null);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new PolicyFormatException(line, where + ": every entry of '" + key + "' must be a string, found "
            + kind(item), null);
      }
      values.add(item.textValue());
    }
    return values;
  }

  private static String kind(JsonNode node) {
    String shown = node.toString();
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
        + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown);
  }

  private static String describe(JsonToken token) {
    return token == null ? "nothing" : switch (token) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private static PolicyFormatException error(JsonParser p, Throwable cause, String message) {
    return new PolicyFormatException(line(p), message, cause);
  }
}
