package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackEntryTest {

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void parse_fullFeedback_readsEveryField() {
    FeedbackEntry entry = FeedbackEntry.parse("d-1",
        "{\"quality\": 0.75, \"actualCostUsd\": 0.002, \"actualLatencyMs\": 840, \"note\": \"mostly right\"}", AT);

    assertThat(entry.decisionId()).isEqualTo("d-1");
    assertThat(entry.feedback().quality()).isEqualTo(0.75);
    assertThat(entry.feedback().actualCostUsd()).isEqualTo(0.002);
    assertThat(entry.feedback().actualLatencyMs()).isEqualTo(840);
    assertThat(entry.note()).isEqualTo("mostly right");
  }

  @Test
  void parse_qualityOnly_leavesCostUnknown() {
    FeedbackEntry entry = FeedbackEntry.parse("d-1", "{\"quality\": 1}", AT);

    assertThat(entry.feedback().hasActualCost()).isFalse();
    assertThat(entry.feedback().actualLatencyMs()).isNaN();
    assertThat(entry.note()).isEmpty();
  }

  @Test
  void parse_nestedBeyondJacksonsDepthLimit_isAStoreExceptionNotANullPointer() {
    String deep = "{\"quality\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";

    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", deep, AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("feedback for decision d-1 is malformed JSON")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void parse_malformedJson_saysWhereAndShowsIt() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", "{\"quality\": 1,,}", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("feedback for decision d-1 is malformed JSON")
        .hasMessageContaining("column")
        .hasMessageContaining("{\"quality\": 1,,}");
  }

  @Test
  void parse_trailingGarbage_isMalformed() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", "{\"quality\": 1} oops", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void parse_empty_isRejected() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", " ", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void parse_notAnObject_isRejected() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", "[1]", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("must be a JSON object, was ARRAY");
  }

  @Test
  void parse_missingQuality_isRejected() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", "{\"note\": \"x\"}", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("needs a numeric 'quality'")
        .hasMessageContaining("missing");
  }

  @Test
  void parse_qualityAsText_isRejected() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", "{\"quality\": \"good\"}", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("\"good\"");
  }

  @Test
  void parse_qualityOutOfRange_namesTheValue() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", "{\"quality\": 1.5}", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("out of range")
        .hasMessageContaining("1.5");
  }

  @Test
  void parse_negativeCost_isRejected() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", "{\"quality\": 1, \"actualCostUsd\": -2}", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("-2.0");
  }

  @Test
  void parse_unknownField_namesIt() {
    assertThatThrownBy(() -> FeedbackEntry.parse("d-1", "{\"quality\": 1, \"qualty\": 0}", AT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unknown field 'qualty'");
  }

  @Test
  void parse_blankDecisionId_isRejected() {
    assertThatThrownBy(() -> FeedbackEntry.parse(" ", "{\"quality\": 1}", AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decision id must not be blank");
  }
}
