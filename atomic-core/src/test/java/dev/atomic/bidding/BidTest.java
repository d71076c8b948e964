package dev.atomic.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BidTest {

  private static final Duration MS = Duration.ofMillis(1);

  @Test
  void problem_wellFormedBid_isNull() {
    assertThat(Bid.of(0.9, 0.01, MS).problem()).isNull();
  }

  @Test
  void problem_nonsense_isNamed() {
    assertThat(Bid.of(Double.NaN, 0.01, MS).problem()).contains("quality NaN");
    assertThat(Bid.of(1.2, 0.01, MS).problem()).contains("outside [0, 1]");
    assertThat(Bid.of(0.9, -1, MS).problem()).contains("cost -1.0");
    assertThat(Bid.of(0.9, Double.POSITIVE_INFINITY, MS).problem()).contains("cost Infinity");
    assertThat(Bid.of(0.9, 0.1, Duration.ofMillis(-5)).problem()).contains("negative");
    assertThat(new Bid(0.9, 0.7, 0.1, MS, "").problem()).contains("uncertainty");
  }
}
