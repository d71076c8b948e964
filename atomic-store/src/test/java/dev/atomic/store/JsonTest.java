package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token-by-token check of well-formed JSON gives the verdict a full parse gives. */
class JsonTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "\"ham\"", "null", "true", "{}", "[]", "{\"a\":[1,{\"b\":null}],\"c\":\"ü\"}",
      " [1, 2] ", "{\"a\":1,\"a\":2}", "-0.5e10"})
  void wellFormed_passesAsAParseDoes(String json) {
    Json.parse("x", json);
    Json.requireWellFormed("x", json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "{", "[1,", "{\"a\":}", "1 2", "{} {}", "[1]]", "nul", "'single'", "{a:1}",
      "\"unterminated", "[1,]"})
  void malformed_failsAsAParseDoes(String json) {
    assertThatThrownBy(() -> Json.parse("x", json)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> Json.requireWellFormed("the output", json)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the output");
  }

  @Test
  void tooDeep_failsAsAParseDoes() {
    String deep = "[".repeat(2_000) + "]".repeat(2_000);
    assertThatThrownBy(() -> Json.parse("x", deep)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> Json.requireWellFormed("x", deep)).isInstanceOf(StoreException.class);
  }
}
