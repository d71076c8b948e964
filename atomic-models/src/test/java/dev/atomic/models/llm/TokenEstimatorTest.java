package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

  @Test
  void heuristic_weighsScripts() {
    TokenEstimator tokens = TokenEstimator.heuristic();

    assertThat(tokens.count("")).isZero();
    assertThat(tokens.count("abcd".repeat(25))).isEqualTo(25);
    assertThat(tokens.count("日本語のテキスト")).isEqualTo(8);
    assertThat(tokens.count("привет")).isEqualTo(3);
  }

  @Test
  void heuristic_isCloseToTiktokenOnEnglish() {
    String text = "The exchange awards each microtask to the bidder whose calibrated bid has the best utility, "
        + "and learns from every outcome so that bids stay honest over time.";
    int exact = TokenEstimator.o200k().count(text);
    int rough = TokenEstimator.heuristic().count(text);

    assertThat(exact).isPositive();
    assertThat((double) rough / exact).isBetween(0.7, 1.5);
  }

  @Test
  void o200k_countsSpecialTokensAsText() {
    assertThat(TokenEstimator.o200k().count("<|endoftext|>")).isGreaterThan(1);
  }

  @Property(tries = 200)
  void heuristic_isPositiveForNonEmptyTextAndGrowsWithLength(@ForAll String text) {
    TokenEstimator tokens = TokenEstimator.heuristic();
    int once = tokens.count(text);
    assertThat(once).isEqualTo(text.isEmpty() ? 0 : Math.max(1, once));
    assertThat(tokens.count(text + text)).isGreaterThanOrEqualTo(once);
  }
}
