package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChoiceParserTest {

  private static final String QUESTION = "Kyle or Logan?\nA) Kyle\nB) Logan\nAnswer:";

  @Test
  void choice_leadingLetter_isRead() {
    assertThat(ChoiceParser.choice("B\n", QUESTION)).contains("B");
    assertThat(ChoiceParser.choice(" (A) Kyle", QUESTION)).contains("A");
    assertThat(ChoiceParser.choice("B. because", QUESTION)).contains("B");
  }

  @Test
  void choice_optionText_orItsPrefix_isMappedToItsLetter() {
    assertThat(ChoiceParser.choice("Logan", QUESTION)).contains("B");
    assertThat(ChoiceParser.choice("Ky", QUESTION)).contains("A");
  }

  @Test
  void choice_prose_isNotAChoice() {
    assertThat(ChoiceParser.choice("I do not know", QUESTION)).isEmpty();
    assertThat(ChoiceParser.choice("Based on the text", QUESTION)).isEmpty();
    assertThat(ChoiceParser.choice("  ", QUESTION)).isEmpty();
  }
}
