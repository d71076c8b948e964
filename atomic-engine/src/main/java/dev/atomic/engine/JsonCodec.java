package dev.atomic.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Type;

/**
 * Converts step values between Java objects, JSON trees and JSON text.
 *
 * <p>Every value that flows between steps is held as JSON: it is what the journal writes and what Temporal carries, so
 * a run resumed from a journal or replayed from history sees exactly the values a live run saw. Typed values are made
 * only at the edges, for a bidder's input and for the caller's result.
 */
public final class JsonCodec {

  private static final JsonCodec DEFAULT = new JsonCodec(JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build());

  private final ObjectMapper mapper;

  private JsonCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The shared codec; it holds no mutable state of its own. */
  public static JsonCodec standard() {
    return DEFAULT;
  }

  public JsonNode toTree(Object value) {
    return mapper.valueToTree(value);
  }

  /** The value as the given type; throws {@link IllegalArgumentException} with Jackson's reason when it does not fit. */
  public Object convert(Object value, Type type) {
    return mapper.convertValue(value, mapper.getTypeFactory().constructType(type));
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  public JsonNode read(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read JSON as " + type.getSimpleName() + ": "
          + e.getOriginalMessage(), e);
    }
  }
}
