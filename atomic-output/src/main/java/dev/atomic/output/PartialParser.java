package dev.atomic.output;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Follows a response as it streams in: feed it chunks, and ask at any time for the fields completed so far.
 *
 * <p>Only finished scalars appear: a string once its closing quote has arrived, a number once a delimiter follows it, so
 * no half-read token ever reaches a field. Open objects and arrays are shown closed. When the stream ends,
 * {@link #finish()} parses the whole text with every repair, exactly as {@link StructuredOutput#parse(String)} does.
 *
 * <p>Each snapshot re-reads the text received so far (linear in its length, bounded by the parse limits), so taking a
 * snapshot per chunk costs O(chunks × length) over a response: negligible for model answers of a few kilobytes. Not
 * thread-safe: one stream, one parser.
 *
 * @param <T> the type being streamed
 */
public final class PartialParser<T> {

  private final StructuredOutput<T> output;
  private final StringBuilder text = new StringBuilder();

  PartialParser(StructuredOutput<T> output) {
    this.output = output;
  }

  /**
   * Appends a chunk.
   *
   * @throws OutputException with reason {@code TOO_LARGE} when the stream outgrows the parse limits
   */
  public PartialParser<T> feed(CharSequence chunk) {
    if (text.length() + chunk.length() > output.limits().maxChars()) {
      throw OutputException.of(OutputException.Reason.TOO_LARGE, "$",
          "at most " + output.limits().maxChars() + " characters", (text.length() + chunk.length()) + " characters",
          "");
    }
    text.append(chunk);
    return this;
  }

  /** The completed part as JSON: objects hold only finished fields. Empty until an object or array has begun. */
  public Optional<JsonNode> json() {
    return output.parser().partial(text);
  }

  /**
   * The completed part bound to the type, with nulls (or empty optionals) for the fields still missing; empty when the
   * type cannot be built from it yet (a primitive field not yet arrived, a record that refuses nulls).
   */
  public Optional<T> value() {
    return json().flatMap(output::bindPartial);
  }

  /** Everything received so far. */
  public String text() {
    return text.toString();
  }

  /**
   * Parses the complete response.
   *
   * @throws OutputException when it does not yield a valid value
   */
  public Parsed<T> finish() {
    return output.parse(text.toString());
  }
}
