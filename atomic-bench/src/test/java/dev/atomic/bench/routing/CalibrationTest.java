package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void expectedCalibrationError_ofCalibratedBeliefs_isZero() {
    double[] believed = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
    double[] observed = {1, 0, 0, 0, 1, 1, 1, 0};

    assertThat(Calibration.expectedCalibrationError(believed, observed)).isCloseTo(0, within(1e-12));
  }

  @Test
  void expectedCalibrationError_ofOverconfidentBeliefs_isTheWeightedGap() {
    double[] believed = {0.9, 0.9, 0.5, 0.5};
    double[] observed = {1, 0, 1, 0};

    // bin 0.9: gap 0.4, weight 1/2; bin 0.5: gap 0
    assertThat(Calibration.expectedCalibrationError(believed, observed)).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void expectedCalibrationError_ofBeliefOutsideUnitInterval_isRejected() {
    assertThatThrownBy(() -> Calibration.expectedCalibrationError(new double[] {1.5}, new double[] {1}))
        .hasMessageContaining("belief 0 is 1.5");
  }
}
