package dev.atomic.output.bind;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.atomic.output.schema.TypeGraph;
import dev.atomic.output.schema.TypeSchemas;
import java.lang.reflect.Type;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * Binds validated JSON to a Java type with Jackson 3, and writes Java values back as JSON.
 *
 * <p>Sealed interfaces are bound as tagged unions without annotations on the user's types: the binder attaches
 * Jackson's type-id handling (property {@value TypeSchemas#TAG}, the variant's simple name) to each sealed interface
 * it finds in the type graph, matching what {@link TypeSchemas} generates. Thread-safe once built.
 */
public final class Binder {

  private final ObjectMapper mapper;
  private final JavaType type;

  private Binder(ObjectMapper mapper, JavaType type) {
    this.mapper = mapper;
    this.type = type;
  }

  /** A binder for the given type. */
  public static Binder forType(Type type) {
    Objects.requireNonNull(type, "type");
    JsonMapper.Builder b = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS);
    for (Class<?> c : TypeGraph.classes(type)) {
      if (c.isSealed() && c.isInterface()) {
        b.addMixIn(c, TaggedUnion.class);
        for (Class<?> sub : c.getPermittedSubclasses()) {
          b.registerSubtypes(new NamedType(sub, sub.getSimpleName()));
        }
      }
    }
    ObjectMapper mapper = b.build();
    return new Binder(mapper, mapper.constructType(type));
  }

  /**
   * The value of the JSON as the binder's type.
   *
   * @throws BindingException when the JSON does not fit the type
   */
  public Object bind(JsonNode json) {
    try {
      return mapper.treeToValue(json, type);
    } catch (JacksonException e) {
      throw new BindingException(path(e), e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      // a record's own constructor refused the value
      throw new BindingException("$", e.getMessage(), e);
    }
  }

  private static String path(JacksonException e) {
    StringBuilder sb = new StringBuilder("$");
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        sb.append('.').append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** The JSON of a value of the binder's type. */
  public JsonNode toJson(Object value) {
    return mapper.readTree(write(value));
  }

  /** The text of a value of the binder's type, as compact JSON. */
  public String write(Object value) {
    return mapper.writerFor(type).writeValueAsString(value);
  }

  public JavaType type() {
    return type;
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = TypeSchemas.TAG)
  private interface TaggedUnion {}

  /** The JSON matched the schema but not the Java type (a record's constructor refused it, for example). */
  public static final class BindingException extends RuntimeException {
    private final String path;

    BindingException(String path, String message, Throwable cause) {
      super(message, cause);
      this.path = path == null || path.isEmpty() ? "$" : path;
    }

    /** Where in the JSON binding failed, as Jackson names it. */
    public String path() {
      return path;
    }
  }
}
