package dev.atomic.output.parse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParseLimitsTest {

  @Test
  void new_outOfRangeValues_refusedShowingTheValue() {
    assertThatThrownBy(() -> new ParseLimits(0, 10, 1)).hasMessage("maxChars must be at least 1, was 0");
    assertThatThrownBy(() -> new ParseLimits(10, 20_000, 1)).hasMessage("maxDepth must be in [1, 10000], was 20000");
    assertThatThrownBy(() -> new ParseLimits(10, 10, 0)).hasMessage("maxCandidates must be at least 1, was 0");
  }
}
