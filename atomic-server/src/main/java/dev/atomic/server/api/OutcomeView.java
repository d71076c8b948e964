package dev.atomic.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.atomic.exchange.Attempt;
import dev.atomic.store.AwardView;
import dev.atomic.store.ExecutionEntry;
import dev.atomic.store.FeedbackEntry;
import java.util.List;

/**
 * What came of an award, as {@code GET /v1/decisions/{id}} shows it beside the auction: who served it, every attempt
 * with the model it called and its tokens, what it all cost and took, the repairs the output needed, the output, and
 * the feedback. Tokens are -1 where no bidder reported any.
 */
record OutcomeView(
    String servedBy,
    boolean succeeded,
    double costUsd,
    double latencyMs,
    long inputTokens,
    long outputTokens,
    List<String> repairs,
    List<Attempt> attempts,
    JsonNode output,
    FeedbackView feedback) {

  /** The feedback an award received; the actual cost is null when the caller did not report one. */
  record FeedbackView(double quality, Double actualCostUsd, String note) {}

  /** The outcome recorded for {@code award}, or null while none is (an award not served yet, or refused). */
  static OutcomeView of(AwardView award) {
    ExecutionEntry e = award.execution();
    if (e == null) {
      return null;
    }
    FeedbackEntry f = award.feedback();
    FeedbackView feedback = f == null ? null : new FeedbackView(f.feedback().quality(),
        f.feedback().hasActualCost() ? f.feedback().actualCostUsd() : null, f.note());
    JsonNode output = award.outputJson() == null ? null : parsed(award.outputJson());
    return new OutcomeView(e.servedBy(), e.succeeded(), e.costUsd(), e.latencyMs(), e.inputTokens(), e.outputTokens(),
        e.repairs(), e.attempts(), output, feedback);
  }

  /** The ledger keeps outputs as well-formed JSON; one that is not anymore is shown as the text it is. */
  private static JsonNode parsed(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(json);
    }
  }
}
