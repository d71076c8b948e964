package dev.atomic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A step's expression: plain text with {@code ${...}} holes, each a path over the request, earlier steps' outputs or
 * the fan-out item, optionally negated or compared with a literal.
 *
 * <pre>
 * template   := text* ( '${' expr '}' text* )*
 * expr       := '!'* path ( ('==' | '!=') literal )?
 * path       := 'request' field* | 'steps.' id '.output' field* | 'item' field*
 * field      := '.' name
 * literal    := 'text' | "text" | number | true | false | null
 * </pre>
 *
 * <p>Why a hand-written path language rather than JEXL or MVEL: it can only read values, never call methods, so a
 * pipeline file cannot run code; and every path can be typed statically against the Java types of the request and of
 * each step's output, which is what lets a pipeline be rejected at load when one step's output does not fit the next
 * step's input. A template that is exactly one hole has that hole's type (null where the value is absent); any other
 * template is a string, in which an absent or null value is empty.
 */
final class Expression {

  /** One {@code ${...}}. */
  record Hole(List<String> path, int negations, String operator, JsonNode literal) {

    String root() {
      return path.getFirst();
    }

    /** The step an expression reads, or {@code null} for the request and the item. */
    String step() {
      return path.getFirst().equals("steps") ? path.get(1) : null;
    }

    /** The fields read after the root ({@code request}, {@code item} or {@code steps.x.output}). */
    List<String> fields() {
      return path.subList(step() == null ? 1 : 3, path.size());
    }

    boolean isBoolean() {
      return negations > 0 || operator != null;
    }
  }

  private final String source;
  private final List<Object> parts; // String text or Hole

  private Expression(String source, List<Object> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /** Parses a template; throws {@link IllegalArgumentException} saying what is wrong and where. */
  static Expression parse(String source) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    StringBuilder text = new StringBuilder();
    while (i < source.length()) {
      int open = source.indexOf("${", i);
      if (open < 0) {
        text.append(source, i, source.length());
        break;
      }
      text.append(source, i, open);
      int close = source.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("'${' at column " + (open + 1) + " is never closed by '}' in '" + source + "'");
      }
      if (!text.isEmpty()) {
        parts.add(text.toString());
        text.setLength(0);
      }
      parts.add(parseHole(source.substring(open + 2, close).strip(), source));
      i = close + 1;
    }
    if (!text.isEmpty()) {
      parts.add(text.toString());
    }
    return new Expression(source, parts);
  }

  /** Whether the text has any {@code ${...}} at all; text without one is a literal. */
  static boolean isTemplate(String text) {
    return text.contains("${");
  }

  private static Hole parseHole(String body, String source) {
    if (body.isEmpty()) {
      throw new IllegalArgumentException("empty '${}' in '" + source + "'");
    }
    int negations = 0;
    while (negations < body.length() && body.charAt(negations) == '!') {
      negations++;
    }
    String rest = body.substring(negations).strip();
    String operator = null;
    JsonNode literal = null;
    int eq = rest.indexOf("==");
    int ne = rest.indexOf("!=");
    int at = eq >= 0 ? eq : ne;
    if (at >= 0) {
      operator = eq >= 0 ? "==" : "!=";
      literal = parseLiteral(rest.substring(at + 2).strip(), source);
      rest = rest.substring(0, at).strip();
    }
    List<String> path = List.of(rest.split("\\.", -1));
    for (String name : path) {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        throw new IllegalArgumentException("'" + rest + "' is not a path like request.body or steps.spam.output.isSpam"
            + " (bad name '" + name + "') in '" + source + "'");
      }
    }
    switch (path.getFirst()) {
      case "request", "item" -> { }
      case "steps" -> {
        if (path.size() < 3 || !path.get(2).equals("output")) {
          throw new IllegalArgumentException("'" + rest + "' must read a step's output, as in steps."
              + (path.size() > 1 ? path.get(1) : "<id>") + ".output, in '" + source + "'");
        }
      }
      default -> throw new IllegalArgumentException("unknown root '" + path.getFirst()
          + "' (use request, steps.<id>.output or item) in '" + source + "'");
    }
    return new Hole(path, negations, operator, literal);
  }

  private static JsonNode parseLiteral(String text, String source) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if ((text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))
        && text.length() >= 2) {
      return f.textNode(text.substring(1, text.length() - 1));
    }
    return switch (text) {
      case "true" -> f.booleanNode(true);
      case "false" -> f.booleanNode(false);
      case "null" -> f.nullNode();
      default -> {
        try {
          yield text.contains(".") ? f.numberNode(Double.parseDouble(text)) : f.numberNode(Long.parseLong(text));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not a literal (quote text, or write a number, true, false"
              + " or null) in '" + source + "'");
        }
      }
    };
  }

  String source() {
    return source;
  }

  List<Hole> holes() {
    return parts.stream().filter(Hole.class::isInstance).map(Hole.class::cast).toList();
  }

  /** The steps this expression reads. */
  Set<String> steps() {
    Set<String> steps = new LinkedHashSet<>();
    for (Hole h : holes()) {
      if (h.step() != null) {
        steps.add(h.step());
      }
    }
    return steps;
  }

  boolean readsItem() {
    return holes().stream().anyMatch(h -> h.root().equals("item"));
  }

  /** The static type: a single hole's type, or String for text with holes. */
  Type type(Scope.Types scope) {
    List<Type> types = new ArrayList<>();
    for (Hole h : holes()) {
      Type t = Types.field(scope.root(h), h.fields(), h.path());
      if (h.negations() > 0 && h.operator() == null && !Types.isBooleanLike(t)) {
        throw new IllegalArgumentException("'!' needs a boolean, but " + String.join(".", h.path()) + " is "
            + Types.name(t));
      }
      types.add(h.isBoolean() ? Boolean.class : t);
    }
    return parts.size() == 1 && types.size() == 1 ? types.getFirst() : String.class;
  }

  /** Evaluates against run values. */
  JsonNode evaluate(Scope.Values scope) {
    if (parts.size() == 1 && parts.getFirst() instanceof Hole h) {
      return evaluate(h, scope);
    }
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Hole h) {
        JsonNode v = evaluate(h, scope);
        // An absent or null value reads as nothing, as in other template languages: "Re: ${request.subject}" of a
        // request without a subject is "Re: ", never "Re: null" handed to a model as if the sender had written it.
        out.append(v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
      } else {
        out.append(part);
      }
    }
    return JsonNodeFactory.instance.textNode(out.toString());
  }

  private static JsonNode evaluate(Hole h, Scope.Values scope) {
    JsonNode value = scope.root(h);
    if (value == null) {
      value = NullNode.getInstance();
    }
    for (String field : h.fields()) {
      value = value == null || !value.isObject() ? NullNode.getInstance() : value.path(field);
      if (value.isMissingNode()) {
        value = NullNode.getInstance();
      }
    }
    if (h.operator() != null) {
      boolean equal = sameValue(value, h.literal());
      value = BooleanNode.valueOf(h.operator().equals("==") == equal);
    }
    for (int i = 0; i < h.negations(); i++) {
      if (!value.isBoolean()) {
        throw new IllegalStateException("'!' needs a boolean, but " + String.join(".", h.path()) + " is " + value);
      }
      value = BooleanNode.valueOf(!value.booleanValue());
    }
    return value;
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  @Override
  public String toString() {
    return source;
  }
}
