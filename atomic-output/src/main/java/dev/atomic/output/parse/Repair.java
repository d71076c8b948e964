package dev.atomic.output.parse;

import java.util.Objects;

/**
 * One fix applied to a model's raw output on the way to a valid value: what kind of fault it was, where in the value
 * ({@code $.items[2].name}) and where in the raw text (character offset, or -1 when the fix was made to the value, not
 * the text). Observability counts these to show how far a model's output was from valid.
 *
 * @param kind what was wrong
 * @param path JSON path of the value that was fixed, {@code $} for the root
 * @param offset character offset in the raw output, or -1
 * @param detail a short human-readable note, such as {@code "'12' -> 12"}
 */
public record Repair(Kind kind, String path, int offset, String detail) {

  public Repair {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    detail = detail == null ? "" : detail;
  }

  @Override
  public String toString() {
    return kind + " at " + path + (offset >= 0 ? " (char " + offset + ")" : "") + (detail.isEmpty() ? "" : ": " + detail);
  }

  /** The faults Atomic repairs. Syntax repairs come from the lenient parser; the others from schema alignment. */
  public enum Kind {
    // ---- finding the value
    /** The value was surrounded by prose. */
    EXTRACTED_FROM_PROSE,
    /** The value was inside a markdown code fence. */
    EXTRACTED_FROM_FENCE,
    /** Several values were present; the one that fits the schema was chosen. */
    CHOSE_CANDIDATE,
    /** The input was not valid UTF-8; bad bytes were replaced. */
    INVALID_UTF8,
    // ---- syntax
    TRAILING_COMMA,
    MISSING_COMMA,
    SINGLE_QUOTES,
    UNQUOTED_KEY,
    UNQUOTED_STRING,
    COMMENT,
    /** A raw newline, tab or other control character inside a string. */
    UNESCAPED_CONTROL,
    /** A quote inside a string that was not escaped. */
    UNESCAPED_QUOTE,
    INVALID_ESCAPE,
    /** {@code True}, {@code False}, {@code None}. */
    PYTHON_LITERAL,
    /** {@code undefined}, {@code NaN}. */
    JS_LITERAL,
    /** {@code +1}, {@code .5}, {@code 1.}. */
    NUMBER_FORMAT,
    /** The output ended early; open strings, arrays and objects were closed. */
    TRUNCATED,
    /** A key was written twice; the last value was kept. */
    DUPLICATE_KEY,
    // ---- schema alignment
    STRING_TO_NUMBER,
    STRING_TO_BOOLEAN,
    NUMBER_TO_STRING,
    BOOLEAN_TO_STRING,
    /** A string holding JSON where a structure was expected. */
    STRING_TO_JSON,
    /** An enum value matched ignoring case and punctuation. */
    ENUM_MATCH,
    /** The one enum value named in a prose answer. */
    ENUM_FROM_PROSE,
    /** A key matched a property ignoring case and punctuation. */
    KEY_MATCH,
    /** A single value where a list was expected. */
    SINGLE_TO_LIST,
    /** An object wrapping the expected value, such as {@code {"result": ...}}. */
    UNWRAPPED,
    /** A property the schema does not allow was dropped. */
    DROPPED_PROPERTY,
    /** A null for a property that is not required was dropped. */
    DROPPED_NULL
  }
}
