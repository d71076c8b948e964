package dev.atomic.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.exchange.Feedback;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What came of an award, possibly long after. Its decision must have been recorded first, and takes one feedback.
 *
 * @param decisionId the decision
 * @param feedback the quality and, when known, the real cost and latency
 * @param note a short note from whoever judged it; empty when none
 * @param at when the feedback arrived
 */
public record FeedbackEntry(String decisionId, Feedback feedback, String note, Instant at) implements LedgerEntry {

  private static final Set<String> FIELDS = Set.of("quality", "actualCostUsd", "actualLatencyMs", "note");

  public FeedbackEntry {
    Checks.id("decision id", decisionId);
    Objects.requireNonNull(feedback, "feedback");
    note = note == null ? "" : note;
    Objects.requireNonNull(at, "at");
  }

  /**
   * Reads feedback as it arrives over the wire: {@code {"quality": 1, "actualCostUsd": 0.002, "actualLatencyMs": 840,
   * "note": "..."}}, where only {@code quality} is required.
   *
   * @throws StoreException when the JSON is malformed, has unknown fields, or a value is missing or out of range
   */
  public static FeedbackEntry parse(String decisionId, String json, Instant at) {
    Checks.id("decision id", decisionId);
    JsonNode node = Json.parse("feedback for decision " + decisionId, json);
    if (!node.isObject()) {
      throw new StoreException("feedback for decision " + decisionId + " must be a JSON object, was "
          + node.getNodeType() + ": " + Json.excerpt(json));
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        throw new StoreException("feedback for decision " + decisionId + " has unknown field '" + name
            + "'; expected some of " + FIELDS);
      }
    });
    JsonNode quality = node.get("quality");
    if (quality == null || !quality.isNumber()) {
      throw new StoreException("feedback for decision " + decisionId + " needs a numeric 'quality' in [0, 1], was "
          + (quality == null ? "missing" : quality.toString()));
    }
    try {
      Feedback feedback = new Feedback(quality.doubleValue(), number(decisionId, node, "actualCostUsd"),
          number(decisionId, node, "actualLatencyMs"));
      JsonNode note = node.get("note");
      if (note != null && !note.isTextual()) {
        throw new StoreException("feedback for decision " + decisionId + ": 'note' must be a string, was " + note);
      }
      return new FeedbackEntry(decisionId, feedback, note == null ? "" : note.textValue(), at);
    } catch (IllegalArgumentException e) {
      throw new StoreException("feedback for decision " + decisionId + " is out of range: " + e.getMessage(), e);
    }
  }

  private static double number(String decisionId, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Double.NaN;
    }
    if (!value.isNumber()) {
      throw new StoreException("feedback for decision " + decisionId + ": '" + field + "' must be a number, was "
          + value);
    }
    return value.doubleValue();
  }

  @Override
  public String describe() {
    return "feedback for decision " + decisionId;
  }
}
