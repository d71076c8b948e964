package dev.atomic.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The API's one JSON mapper. NaN and infinite numbers (a decision without a runner-up has a NaN margin) are written as
 * {@code null}, since JSON has no NaN; instants are ISO-8601 strings; unknown fields in requests are errors, and so is
 * a number or a boolean where a request field takes text ({@code "kind": 7} is a mistake to report, not to coerce).
 */
public final class Json {

  private static final ObjectMapper MAPPER = create();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serialises a value the API produced; these are plain records, so failure is a bug, not bad input. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /** As {@link #write}, in UTF-8, as the answers go out: no string in between. */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  private static ObjectMapper create() {
    JsonSerializer<Double> finiteOrNull = new JsonSerializer<>() {
      @Override
      public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null || value.isNaN() || value.isInfinite()) {
          gen.writeNull();
        } else {
          gen.writeNumber(value);
        }
      }
    };
    SimpleModule numbers = new SimpleModule("finite-numbers");
    numbers.addSerializer(Double.class, finiteOrNull);
    numbers.addSerializer(double.class, finiteOrNull);
    ObjectMapper mapper = new ObjectMapper();
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(numbers)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
