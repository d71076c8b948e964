package dev.atomic.models.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.task.Microtask;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageBidderTest {

  private static LanguageBidder bidder;

  @BeforeAll
  static void load() {
    bidder = LanguageBidder.load("langdetect", "text.language", ComputeCost.defaults());
  }

  private static Microtask task(Object input) {
    return Microtask.builder("text.language").input(input).build();
  }

  @Test
  void serve_sentencesInFourLanguages_namesEachLanguage() {
    assertThat(bidder.serve(task("The weather is lovely today and we are going to the beach.")).output())
        .isEqualTo("eng");
    assertThat(bidder.serve(task("Le temps est magnifique aujourd'hui et nous allons à la plage.")).output())
        .isEqualTo("fra");
    assertThat(bidder.serve(task("Das Wetter ist heute herrlich und wir fahren an den Strand.")).output())
        .isEqualTo("deu");
    assertThat(bidder.serve(task("El tiempo está precioso hoy y vamos a la playa con los niños.")).output())
        .isEqualTo("spa");
  }

  @Test
  void bid_text_claimsTheModelsConfidenceAndPricesCompute() {
    Optional<Bid> bid = bidder.bid(task("This is clearly an English sentence about language detection."));
    assertThat(bid).isPresent();
    assertThat(bid.get().quality()).isBetween(0.0, 1.0);
    assertThat(bid.get().costUsd()).isLessThan(1e-6);
    Answer answer = bidder.serve(task("Another English sentence, served and charged for its compute."));
    assertThat(answer.costUsd()).isGreaterThanOrEqualTo(0).isLessThan(1e-5);
  }

  @Test
  void bid_otherKindOrNonText_abstains() {
    assertThat(bidder.bid(task(42))).isEmpty();
    assertThat(bidder.bid(Microtask.builder("other.kind").input("hello world").build())).isEmpty();
  }
}
