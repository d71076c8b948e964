package dev.atomic.models.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VaderSentimentTest {

  private static VaderSentiment vader;

  @BeforeAll
  static void load() {
    vader = VaderSentiment.load();
  }

  @Test
  void load_readsThePublishedLexicon() {
    assertThat(vader.lexiconSize()).isGreaterThan(7000);
  }

  @Test
  void score_plainSentences_haveTheRightPolarity() {
    assertThat(vader.score("I love this phone, the battery is great.").compound()).isGreaterThan(0.5);
    assertThat(vader.score("Terrible service, I hate it.").compound()).isLessThan(-0.5);
    assertThat(vader.score("The package arrived on Tuesday.").compound()).isZero();
  }

  @Test
  void score_negation_flipsThePolarity() {
    assertThat(vader.score("The food was good.").compound()).isPositive();
    assertThat(vader.score("The food was not good.").compound()).isNegative();
  }

  @Test
  void score_boostersCapsAndExclamations_intensify() {
    double plain = vader.score("The movie was good.").compound();
    assertThat(vader.score("The movie was very good.").compound()).isGreaterThan(plain);
    assertThat(vader.score("The movie was GOOD.").compound()).isGreaterThan(plain);
    assertThat(vader.score("The movie was good!!!").compound()).isGreaterThan(plain);
  }

  @Test
  void score_but_weighsTheSecondClauseMore() {
    assertThat(vader.score("The food was great, but the service was horrible.").compound()).isNegative();
  }

  @Test
  void score_matchesTheReferenceExample() {
    // vaderSentiment's README: "VADER is smart, handsome, and funny." -> compound 0.8316.
    assertThat(vader.score("VADER is smart, handsome, and funny.").compound()).isCloseTo(0.8316,
        org.assertj.core.data.Offset.offset(0.001));
  }
}
