package dev.atomic.engine;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link PipelineDefinition} and turns it into a {@link Pipeline}: step ids, kinds, expressions, dependencies
 * (no cycles), and types (each expression must fit where it is used). The first problem found is thrown, naming the
 * source, line and step.
 */
final class Compiler {

  private static final Pattern STEP_ID = Pattern.compile("[a-z][a-zA-Z0-9_-]*");
  private static final Type PLAN_OUTPUT = new ParameterizedType() {
    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {String.class, Object.class};
    }

    @Override
    public Type getRawType() {
      return Map.class;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }

    @Override
    public String toString() {
      return "Map<String, Object>";
    }
  };

  private final PipelineDefinition definition;
  private final StepKinds kinds;
  private final JsonCodec codec = JsonCodec.standard();
  private final Map<String, StepDefinition> byId = new LinkedHashMap<>();
  private final Map<String, Type> outputTypes = new HashMap<>();

  private Compiler(PipelineDefinition definition, StepKinds kinds) {
    this.definition = definition;
    this.kinds = kinds;
  }

  static Pipeline compile(PipelineDefinition definition, StepKinds kinds) {
    return new Compiler(definition, kinds).compile();
  }

  private Pipeline compile() {
    if (definition.steps().isEmpty()) {
      throw new PipelineException(definition.location(), null, "pipeline '" + definition.name() + "' has no steps");
    }
    for (StepDefinition d : definition.steps()) {
      if (!STEP_ID.matcher(d.id()).matches()) {
        throw new PipelineException(d.location(), d.id(),
            "step ids are lower-case names such as 'spam' or 'draft-reply', was '" + d.id() + "'");
      }
      if (byId.put(d.id(), d) != null) {
        throw new PipelineException(d.location(), d.id(), "a step with this id is defined twice");
      }
    }
    Map<String, Parsed> parsed = new LinkedHashMap<>();
    for (StepDefinition d : definition.steps()) {
      parsed.put(d.id(), parse(d));
    }
    List<String> order = topologicalOrder(parsed);
    Map<String, Step> steps = new LinkedHashMap<>();
    for (String id : order) {
      Parsed p = parsed.get(id);
      steps.put(id, typeCheck(p));
    }
    Map<String, Step> inWrittenOrder = new LinkedHashMap<>();
    definition.steps().forEach(d -> inWrittenOrder.put(d.id(), steps.get(d.id())));
    return new Pipeline(definition.name(), definition.requestType(), inWrittenOrder, kinds, definition.location());
  }

  /** A step with its kind found and its expressions parsed. */
  private record Parsed(StepDefinition d, StepKind kind, Expression when, Expression forEach,
      Map<String, Object> fields, Object whole, Set<String> dependencies) {}

  private Parsed parse(StepDefinition d) {
    if (d.kind() == null) {
      throw new PipelineException(d.location(), d.id(), "has no kind");
    }
    StepKind kind = kinds.kind(d.kind()).orElseThrow(() -> new PipelineException(d.at("kind"), d.id(),
        "unknown step kind '" + d.kind() + "' (registered: " + String.join(", ", kinds.kindNames()) + ")"));
    Expression when = d.when() == null ? null : expression(d, "when", d.when());
    Expression forEach = d.forEach() == null ? null : expression(d, "forEach", d.forEach());
    Map<String, Object> fields = null;
    Object whole = null;
    if (d.input() == null) {
      throw new PipelineException(d.location(), d.id(), "has no input");
    } else if (d.input() instanceof Map<?, ?> map) {
      fields = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String name = String.valueOf(e.getKey());
        fields.put(name, part(d, "input." + name, e.getValue()));
      }
    } else {
      whole = part(d, "input", d.input());
    }
    Set<String> deps = new LinkedHashSet<>();
    List<Object> parts = new ArrayList<>();
    parts.add(when);
    parts.add(forEach);
    parts.add(whole);
    if (fields != null) {
      parts.addAll(fields.values());
    }
    for (Object part : parts) {
      if (part instanceof Expression e) {
        for (String ref : e.steps()) {
          if (!byId.containsKey(ref)) {
            throw new PipelineException(placeOf(d, e, fields), d.id(), "'" + e.source() + "' reads step '" + ref
                + "', which is not defined (steps: " + String.join(", ", byId.keySet()) + ")");
          }
          if (ref.equals(d.id())) {
            throw new PipelineException(placeOf(d, e, fields), d.id(), "'" + e.source() + "' reads its own output");
          }
          deps.add(ref);
        }
        if (e.readsItem() && forEach == null) {
          throw new PipelineException(placeOf(d, e, fields), d.id(),
              "'" + e.source() + "' reads item, but the step has no forEach");
        }
      }
    }
    if (when != null && when.readsItem()) {
      throw new PipelineException(d.at("when"), d.id(),
          "when is decided once for the whole step, before it fans out, so it cannot read item");
    }
    if (forEach != null && forEach.readsItem()) {
      throw new PipelineException(d.at("forEach"), d.id(), "forEach cannot read item");
    }
    for (String after : d.after()) {
      if (!byId.containsKey(after)) {
        throw new PipelineException(d.at("after"), d.id(), "runs after step '" + after
            + "', which is not defined (steps: " + String.join(", ", byId.keySet()) + ")");
      }
      deps.add(after);
    }
    return new Parsed(d, kind, when, forEach, fields, whole, deps);
  }

  private static Location placeOf(StepDefinition d, Expression e, Map<String, Object> fields) {
    if (fields != null) {
      for (Map.Entry<String, Object> f : fields.entrySet()) {
        if (f.getValue() == e) {
          return d.at("input." + f.getKey());
        }
      }
    }
    return d.at(d.when() != null && d.when().equals(e.source()) ? "when"
        : d.forEach() != null && d.forEach().equals(e.source()) ? "forEach" : "input");
  }

  private Object part(StepDefinition d, String place, Object value) {
    if (value instanceof String s && Expression.isTemplate(s)) {
      return expression(d, place, s);
    }
    return codec.toTree(value);
  }

  private static Expression expression(StepDefinition d, String place, String text) {
    try {
      return Expression.parse(text);
    } catch (IllegalArgumentException e) {
      throw new PipelineException(d.at(place), d.id(), "bad expression in " + place + ": " + e.getMessage());
    }
  }

  private List<String> topologicalOrder(Map<String, Parsed> parsed) {
    List<String> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String id : parsed.keySet()) {
      visit(id, parsed, done, new ArrayList<>(), order);
    }
    return order;
  }

  private void visit(String id, Map<String, Parsed> parsed, Set<String> done, List<String> path, List<String> order) {
    if (done.contains(id)) {
      return;
    }
    int at = path.indexOf(id);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(id);
      throw new PipelineException(parsed.get(id).d().location(), id,
          "steps form a cycle: " + String.join(" -> ", cycle));
    }
    path.add(id);
    for (String dep : parsed.get(id).dependencies()) {
      visit(dep, parsed, done, path, order);
    }
    path.removeLast();
    done.add(id);
    order.add(id);
  }

  private Step typeCheck(Parsed p) {
    StepDefinition d = p.d();
    Type itemType = null;
    if (p.forEach() != null) {
      Type listType = typeOf(d, "forEach", p.forEach(), null);
      try {
        itemType = Types.element(listType);
      } catch (IllegalArgumentException e) {
        throw new PipelineException(d.at("forEach"), d.id(), "'" + p.forEach().source() + "': " + e.getMessage());
      }
    }
    if (p.when() != null) {
      Type t = typeOf(d, "when", p.when(), itemType);
      if (!Types.isBooleanLike(t)) {
        throw new PipelineException(d.at("when"), d.id(), "when needs a boolean, but '" + p.when().source() + "' is "
            + Types.name(t));
      }
    }
    Type inputType = p.kind().inputType();
    Binding binding;
    if (p.fields() != null) {
      binding = checkFields(p, inputType, itemType);
    } else {
      checkPart(d, "input", p.whole(), inputType, "the input of " + p.kind().name(), itemType);
      binding = Binding.whole(p.whole());
    }
    Type output = p.kind().planner() ? PLAN_OUTPUT
        : p.forEach() != null ? Types.listOf(p.kind().outputType()) : p.kind().outputType();
    outputTypes.put(d.id(), output);
    return new Step(d, p.kind(), binding, p.when(), p.forEach(), p.dependencies(), output);
  }

  private Binding checkFields(Parsed p, Type inputType, Type itemType) {
    StepDefinition d = p.d();
    Class<?> raw = Types.raw(inputType);
    if (!raw.isRecord()) {
      throw new PipelineException(d.at("input"), d.id(), "input is a map of fields, but " + p.kind().name()
          + " takes " + Types.name(inputType) + ", which is not a record; write one expression instead");
    }
    Map<String, RecordComponent> components = new LinkedHashMap<>();
    Arrays.stream(raw.getRecordComponents()).forEach(c -> components.put(c.getName(), c));
    for (String name : p.fields().keySet()) {
      if (!components.containsKey(name)) {
        throw new PipelineException(d.at("input." + name), d.id(), "input field '" + name + "' is not a field of "
            + Types.name(inputType) + " (fields: " + String.join(", ", components.keySet()) + ")");
      }
    }
    for (RecordComponent c : components.values()) {
      if (!p.fields().containsKey(c.getName())) {
        throw new PipelineException(d.at("input"), d.id(), "input field '" + c.getName() + "' of "
            + Types.name(inputType) + " is missing");
      }
      checkPart(d, "input." + c.getName(), p.fields().get(c.getName()), c.getGenericType(),
          "input field '" + c.getName() + "'", itemType);
    }
    return Binding.fields(p.fields());
  }

  private void checkPart(StepDefinition d, String place, Object part, Type expected, String what, Type itemType) {
    if (part instanceof Expression e) {
      Type actual = typeOf(d, place, e, itemType);
      if (!Types.fits(expected, actual)) {
        throw new PipelineException(d.at(place), d.id(), what + " expects " + Types.name(expected) + ", but '"
            + e.source() + "' is " + Types.name(actual));
      }
    } else {
      try {
        codec.convert(part, expected);
      } catch (IllegalArgumentException e) {
        throw new PipelineException(d.at(place), d.id(), what + " expects " + Types.name(expected) + ", but the literal "
            + part + " does not fit: " + firstLine(e.getMessage()));
      }
    }
  }

  private Type typeOf(StepDefinition d, String place, Expression e, Type itemType) {
    try {
      return e.type(hole -> switch (hole.root()) {
        case "request" -> definition.requestType();
        case "item" -> itemType;
        default -> outputTypes.get(hole.step());
      });
    } catch (IllegalArgumentException ex) {
      throw new PipelineException(d.at(place), d.id(), "'" + e.source() + "': " + ex.getMessage());
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
