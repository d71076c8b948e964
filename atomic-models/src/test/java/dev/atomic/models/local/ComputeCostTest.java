package dev.atomic.models.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComputeCostTest {

  @Test
  void charge_pricesTheMeasuredTime() {
    ComputeCost cost = ComputeCost.of(0.001, 1.0);
    assertThat(cost.charge(3_000_000)).isEqualTo(0.003);
  }

  @Test
  void expectedMs_movesTowardsMeasuredCalls() {
    ComputeCost cost = ComputeCost.of(0.001, 1.0);
    for (int i = 0; i < 200; i++) {
      cost.charge(5_000_000);
    }
    assertThat(cost.expectedMs()).isBetween(4.99, 5.0);
    assertThat(cost.expectedUsd()).isBetween(0.00499, 0.005);
  }

  @Test
  void of_negativePrice_isRejectedWithTheValue() {
    assertThatThrownBy(() -> ComputeCost.of(-2, 1)).hasMessageContaining("-2.0");
  }
}
