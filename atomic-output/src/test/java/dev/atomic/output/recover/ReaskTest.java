package dev.atomic.output.recover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReaskTest {

  @Test
  void prompt_namesTheProblemsAndTheType() {
    Reask r = new Reask("{\"n\": \"x\"}", "- at $.n: expected type \"integer\", found \"x\"", "{\n  n: int,\n}", 1);
    assertThat(r.prompt()).isEqualTo("Your previous answer could not be used:\n"
        + "- at $.n: expected type \"integer\", found \"x\"\n"
        + "Reply again with JSON matching this type, and nothing else:\n{\n  n: int,\n}");
  }

  @Test
  void new_attemptBelowOne_refused() {
    assertThatThrownBy(() -> new Reask("", "", "", 0)).hasMessageContaining("was 0");
  }

  @Test
  void wrap_tooManyReasks_refused() {
    assertThatThrownBy(() -> ReaskingBidder.wrap(new ReaskingBidderTest.ScriptedModel("m", 0.5, 0, "x"),
        dev.atomic.output.OutputCatalog.withDefaults(), 6)).hasMessage("maxReasks must be in [0, 5], was 6");
  }
}
