package dev.atomic.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The one JSON mapper of the store: doubles round-trip exactly, unknown fields in stored JSON are ignored. */
final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .build();

  private Json() {}

  static String write(String what, Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StoreException(what + " (" + (value == null ? "null" : value.getClass().getName())
          + ") cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  static <T> T read(String what, String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException(what + " is not a readable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  static JsonNode parse(String what, String json) {
    requireText(what, json);
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(what, json, e);
    }
  }

  /**
   * Checks that the text is exactly one JSON value, reading it token by token: the same verdict (and limits) as
   * {@link #parse}, without building a tree that would be thrown away.
   */
  static void requireWellFormed(String what, String json) {
    requireText(what, json);
    try (JsonParser parser = MAPPER.createParser(json)) {
      parser.nextToken();
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new StoreException(what + " holds more than one JSON value: " + excerpt(json));
      }
    } catch (JsonProcessingException e) {
      throw malformed(what, json, e);
    } catch (IOException e) {
      throw new StoreException(what + " could not be read: " + e.getMessage(), e);
    }
  }

  private static void requireText(String what, String json) {
    if (json == null || json.isBlank()) {
      throw new StoreException(what + " is empty; expected JSON");
    }
  }

  private static StoreException malformed(String what, String json, JsonProcessingException e) {
    // Limits such as the nesting depth are reported without a location.
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return new StoreException(what + " is malformed JSON (" + e.getOriginalMessage() + ")" + where + ": "
        + excerpt(json), e);
  }

  static String excerpt(String json) {
    return json.length() <= 80 ? "'" + json + "'" : "'" + json.substring(0, 80) + "...' (" + json.length() + " chars)";
  }
}
