package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VariantTest {

  @Test
  void estimator_isTheCoreDefaultsWithTheVariantsExploration() {
    assertThat(new Variant(0, 0.5).estimator().explorationScale()).isEqualTo(0.5);
    assertThat(new Variant(0, 0.5).estimator().biasVariance()).isEqualTo(2.0);
  }

  @Test
  void label_namesContextAndExploration() {
    assertThat(new Variant(16, 1.0).label()).isEqualTo("16-dim context, exploration x1 (plain Thompson)");
    assertThat(new Variant(0, 0.5).label()).isEqualTo("no context, exploration x0.5");
  }

  @Test
  void constructor_withImpossibleDimensions_isRejected() {
    assertThatThrownBy(() -> new Variant(385, 1)).hasMessage("context dimensions must be in [0, 384], was 385");
  }
}
