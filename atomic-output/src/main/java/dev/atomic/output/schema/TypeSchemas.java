package dev.atomic.output.schema;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.atomic.output.Description;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a Java type into a JSON Schema (draft 2020-12) with victools' jsonschema-generator.
 *
 * <p>Records become closed objects whose components are all required except {@code Optional}s; enums become string
 * enums of their constant names; lists and sets arrays; {@code Map<String, V>} objects with {@code additionalProperties};
 * a sealed interface becomes a tagged union: an {@code anyOf} of its permitted records, each carrying a required
 * {@value #TAG} property whose constant is the record's simple name. Descriptions come from Atomic's own
 * {@link Description} annotation on types and record components.
 */
public final class TypeSchemas {

  /** The property that names the variant of a sealed interface in a tagged union. */
  public static final String TAG = "type";

  private TypeSchemas() {}

  /**
   * The JSON Schema of a type.
   *
   * @throws IllegalArgumentException when a variant of a sealed interface is not a record or has a component named
   *     {@value #TAG}
   */
  public static ObjectNode of(Type type) {
    Objects.requireNonNull(type, "type");
    checkUnions(type, new HashSet<>());
    return generator().generateSchema(type);
  }

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
        .with(Option.FLATTENED_ENUMS, Option.FLATTENED_OPTIONALS, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
            Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.DEFINITIONS_FOR_MEMBER_SUPERTYPES,
            Option.PLAIN_DEFINITION_KEYS);
    b.forFields()
        .withRequiredCheck(field -> !optional(field))
        .withDescriptionResolver(field -> describe(field.getAnnotationConsideringFieldAndGetter(Description.class)));
    b.forTypesInGeneral()
        // keep declaration order: it is the order a person (and a model) reads the type in
        .withPropertySorter((x, y) -> 0)
        .withDescriptionResolver(scope -> describe(scope.getType().getErasedType().getAnnotation(Description.class)))
        .withSubtypeResolver((declared, context) -> {
          Class<?> erased = declared.getErasedType();
          if (!erased.isSealed() || !erased.isInterface()) {
            return null;
          }
          return Arrays.stream(erased.getPermittedSubclasses())
              .map(sub -> context.getTypeContext().resolveSubtype(declared, sub))
              .toList();
        })
        .withTypeAttributeOverride((node, scope, context) -> {
          Class<?> erased = scope.getType().getErasedType();
          if (variant(erased) && "object".equals(node.path("type").asString(""))) {
            tag(node, erased.getSimpleName());
          }
        });
    return new SchemaGenerator(b.build());
  }

  private static void tag(ObjectNode node, String name) {
    ObjectNode tagged = node.objectNode();
    tagged.putObject(TAG).put("const", name);
    if (node.get("properties") instanceof ObjectNode props) {
      tagged.setAll(props);
    }
    node.set("properties", tagged);
    ArrayNode required = node.has("required") ? (ArrayNode) node.get("required") : node.putArray("required");
    ArrayNode withTag = node.arrayNode().add(TAG);
    withTag.addAll(required);
    node.set("required", withTag);
  }

  /** Whether a class is a record that implements a sealed interface, so it is a variant of a tagged union. */
  static boolean variant(Class<?> c) {
    if (!c.isRecord()) {
      return false;
    }
    for (Class<?> i : c.getInterfaces()) {
      if (i.isSealed()) {
        return true;
      }
    }
    return false;
  }

  private static boolean optional(FieldScope field) {
    Class<?> t = field.getType() == null ? Object.class : field.getType().getErasedType();
    return t == Optional.class || t == OptionalInt.class || t == OptionalLong.class || t == OptionalDouble.class;
  }

  private static String describe(Description d) {
    return d == null ? null : d.value();
  }

  private static void checkUnions(Type type, Set<Class<?>> seen) {
    for (Class<?> c : TypeGraph.classes(type)) {
      if (!seen.add(c)) {
        continue;
      }
      if (c.isSealed() && c.isInterface()) {
        for (Class<?> sub : c.getPermittedSubclasses()) {
          if (!sub.isRecord()) {
            throw new IllegalArgumentException("variant " + sub.getName() + " of sealed " + c.getName()
                + " must be a record to be used as structured output");
          }
          for (RecordComponent rc : sub.getRecordComponents()) {
            if (rc.getName().equals(TAG)) {
              throw new IllegalArgumentException("variant " + sub.getName() + " of sealed " + c.getName()
                  + " has a component named '" + TAG + "', which is the union's tag");
            }
          }
        }
      }
    }
  }

  /** The schema without its {@code $schema} line, as providers want it embedded in a request. */
  public static ObjectNode embedded(JsonNode schema) {
    ObjectNode copy = (ObjectNode) schema.deepCopy();
    copy.remove("$schema");
    return copy;
  }

}
