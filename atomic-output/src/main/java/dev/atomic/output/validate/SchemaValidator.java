package dev.atomic.output.validate;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.InputStreamSource;
import dev.atomic.output.OutputException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Validates values against one JSON Schema (draft 2020-12, by default) with networknt's json-schema-validator, and
 * reports each error as an {@link OutputException.Problem}: JSON path, what was expected, what was found.
 *
 * <p>Thread-safe once built. Schemas that {@code $ref} remote documents resolve them through a {@link Loader} with URI
 * prefix mappings (for example the JSON Schema test suite's {@code http://localhost:1234/} to a local folder); nothing
 * is fetched over the network.
 */
public final class SchemaValidator {

  private static final int SHOWN = 120;
  private static final Loader DEFAULT = new Loader(Map.of());

  private final Schema schema;

  private SchemaValidator(Schema schema) {
    this.schema = schema;
  }

  /** Compiles a schema with no remote documents. */
  public static SchemaValidator of(JsonNode schema) {
    return DEFAULT.load(schema);
  }

  /** Every problem with the value; empty when it is valid. */
  public List<OutputException.Problem> validate(JsonNode value) {
    Objects.requireNonNull(value, "value");
    List<Error> errors = schema.validate(value);
    if (errors.isEmpty()) {
      return List.of();
    }
    List<OutputException.Problem> problems = new ArrayList<>(errors.size());
    for (Error e : errors) {
      problems.add(problem(e));
    }
    return problems;
  }

  /** Whether the value is valid. */
  public boolean accepts(JsonNode value) {
    return schema.validate(Objects.requireNonNull(value, "value")).isEmpty();
  }

  private static OutputException.Problem problem(Error e) {
    String path = e.getInstanceLocation() == null ? "$" : e.getInstanceLocation().toString();
    path = path.isEmpty() ? "$" : path;
    String keyword = e.getKeyword() == null ? "schema" : e.getKeyword();
    JsonNode rule = e.getSchemaNode();
    JsonNode instance = e.getInstanceNode();
    String expected;
    String found = shown(instance);
    switch (keyword) {
      case "required" -> {
        expected = "property '" + e.getProperty() + "'";
        found = "no such property";
      }
      case "additionalProperties", "unevaluatedProperties" -> {
        expected = "no property '" + e.getProperty() + "'";
        found = "property '" + e.getProperty() + "'";
      }
      case "type" -> expected = "type " + shown(rule);
      case "enum" -> expected = "one of " + shown(rule);
      case "const" -> expected = shown(rule);
      default -> expected = keyword + " " + shown(rule);
    }
    return new OutputException.Problem(path, expected, found, e.getMessage());
  }

  private static String shown(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String s = node.toString();
    return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "…";
  }

  /**
   * Compiles schemas, resolving remote {@code $ref}s through URI prefix mappings only. Thread-safe; reuse one.
   */
  public static final class Loader {

    private final SchemaRegistry registry;

    /**
     * @param uriPrefixes maps a URI prefix (such as {@code http://localhost:1234/}) to where its documents really are
     *     (such as {@code file:/data/remotes/})
     */
    public Loader(Map<String, String> uriPrefixes) {
      Map<String, String> prefixes = Map.copyOf(uriPrefixes);
      this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaLoader(l -> l.schemaIdResolvers(r -> prefixes.forEach(r::mapPrefix))
                  .resourceLoaders(r -> r.add(Loader::localFile))
                  .fetchRemoteResources(false))
              .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
    }

    /**
     * Compiles a schema.
     *
     * @throws IllegalArgumentException when the schema itself is broken
     */
    public SchemaValidator load(JsonNode schema) {
      Objects.requireNonNull(schema, "schema");
      String cycle = InPlaceCycles.find(schema);
      if (cycle != null) {
        throw new IllegalArgumentException("the JSON Schema refers to itself at " + cycle
            + " without reading any of the value (through $ref, anyOf, allOf, oneOf, not or if), so validating"
            + " against it would never end");
      }
      try {
        Schema compiled = registry.getSchema(schema);
        compiled.initializeValidators();
        return new SchemaValidator(compiled);
      } catch (SchemaException e) {
        throw new IllegalArgumentException("the JSON Schema is not valid: " + e.getMessage(), e);
      }
    }

    /** Reads {@code file:} documents, the only kind a mapped prefix may point to; anything else is not found. */
    private static InputStreamSource localFile(AbsoluteIri iri) {
      String s = iri.toString();
      if (!s.startsWith("file:")) {
        return null;
      }
      Path path = Path.of(URI.create(s));
      return Files.isRegularFile(path) ? () -> Files.newInputStream(path) : null;
    }

    /** Compiles a schema found at a location, as a {@code $ref} would. */
    public SchemaValidator load(String uri) {
      return new SchemaValidator(registry.getSchema(SchemaLocation.of(uri)));
    }
  }
}
