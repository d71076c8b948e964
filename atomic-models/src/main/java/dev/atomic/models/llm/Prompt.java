package dev.atomic.models.llm;

import java.util.Objects;

/**
 * The input an LLM bidder serves: one system text, one user text, an optional JSON schema the answer must follow, and
 * decoding parameters. Deliberately a single turn: the typed-function layer renders a microtask into it, and anything
 * richer (tools, images, history) is not what the exchange trades.
 *
 * @param system instructions for the model; empty for none
 * @param user the request itself; not blank
 * @param jsonSchema a JSON Schema (as JSON text, object at the root) the answer must satisfy, or {@code null} for free
 *     text; providers that support it decode under the schema
 * @param decoding sampling parameters
 */
public record Prompt(String system, String user, String jsonSchema, Decoding decoding) {

  public Prompt {
    system = system == null ? "" : system;
    Objects.requireNonNull(user, "user");
    if (user.isBlank()) {
      throw new IllegalArgumentException("prompt user text must not be blank");
    }
    if (jsonSchema != null && !jsonSchema.strip().startsWith("{")) {
      throw new IllegalArgumentException("jsonSchema must be a JSON object, was '" + abbreviate(jsonSchema) + "'");
    }
    Objects.requireNonNull(decoding, "decoding");
  }

  /** A prompt with only a user text and default decoding. */
  public static Prompt of(String user) {
    return new Prompt("", user, null, Decoding.defaults());
  }

  /** A prompt with a system and a user text and default decoding. */
  public static Prompt of(String system, String user) {
    return new Prompt(system, user, null, Decoding.defaults());
  }

  public Prompt withSystem(String value) {
    return new Prompt(value, user, jsonSchema, decoding);
  }

  /** This prompt, asking for JSON that satisfies the schema. */
  public Prompt withJsonSchema(String schema) {
    return new Prompt(system, user, Objects.requireNonNull(schema, "schema"), decoding);
  }

  public Prompt withDecoding(Decoding value) {
    return new Prompt(system, user, jsonSchema, value);
  }

  /** Whether the answer must be JSON under {@link #jsonSchema()}. */
  public boolean structured() {
    return jsonSchema != null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
