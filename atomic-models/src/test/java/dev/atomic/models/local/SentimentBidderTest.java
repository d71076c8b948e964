package dev.atomic.models.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.task.Microtask;
import org.junit.jupiter.api.Test;

class SentimentBidderTest {

  private final SentimentBidder bidder = SentimentBidder.of("vader", "review.sentiment", "pos", "neg",
      VaderSentiment.load(), ComputeCost.defaults());

  private static Microtask review(String text) {
    return Microtask.builder("review.sentiment").input(text).build();
  }

  @Test
  void serve_reviews_answersTheLabels() {
    assertThat(bidder.serve(review("Absolutely wonderful, works perfectly.")).output()).isEqualTo("pos");
    assertThat(bidder.serve(review("Broke after a day. Awful and useless.")).output()).isEqualTo("neg");
    assertThat(bidder.serve(review("Fine.")).usage()).isEqualTo(dev.atomic.bidding.Usage.model("vader"));
  }

  @Test
  void bid_strongerSentiment_claimsMore() throws Exception {
    double mild = bidder.bid(review("It is okay.")).orElseThrow().quality();
    double strong = bidder.bid(review("It is amazing, I love it, best purchase ever!")).orElseThrow().quality();
    assertThat(strong).isGreaterThan(mild);
  }

  @Test
  void bid_noSentimentSignal_abstains() {
    assertThat(bidder.bid(review("The box contains a cable."))).isEmpty();
  }

  @Test
  void of_sameLabelTwice_isRejected() {
    assertThatThrownBy(() -> SentimentBidder.of("v", "review.sentiment", "x", "x", VaderSentiment.load(),
        ComputeCost.defaults())).hasMessageContaining("'x'");
  }
}
