package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CostQualityTest {

  private static CostQuality.Point p(double cost, double accuracy) {
    return new CostQuality.Point(cost, accuracy);
  }

  @Test
  void hull_dropsPointsBelowTheChordAndAfterTheBest() {
    List<CostQuality.Point> hull = CostQuality.hull(List.of(
        p(1, 0.5), p(2, 0.55), p(3, 0.8), p(4, 0.7), p(5, 0.9), p(6, 0.85)));

    // (2, 0.55) lies below the chord from (1, 0.5) to (3, 0.8); (4, 0.7) below (3, 0.8)-(5, 0.9); (6, 0.85) after the best
    assertThat(hull).containsExactly(p(1, 0.5), p(3, 0.8), p(5, 0.9));
  }

  @Test
  void hull_keepsOnlyTheBestOfEqualCosts() {
    assertThat(CostQuality.hull(List.of(p(1, 0.4), p(1, 0.6)))).containsExactly(p(1, 0.6));
  }

  @Test
  void aiq_ofHandMadeCurve_isTheExactArea() {
    List<CostQuality.Point> hull = CostQuality.hull(List.of(p(0, 0.5), p(1, 0.9)));

    // from 0 to 1: trapezoid (0.5 + 0.9) / 2 = 0.7; from 1 to 2 flat at 0.9; mean over [0, 2] = 0.8
    assertThat(CostQuality.aiq(hull, 0, 2)).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void aiq_belowTheCheapestPoint_countsNothing() {
    List<CostQuality.Point> hull = List.of(p(1, 0.6));

    assertThat(CostQuality.aiq(hull, 0, 2)).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void aiq_withEmptyRange_isRejected() {
    assertThatThrownBy(() -> CostQuality.aiq(List.of(p(1, 0.5)), 2, 2)).hasMessageContaining("to > from");
  }

  @Test
  void costToReach_interpolatesOnTheHull() {
    List<CostQuality.Point> hull = List.of(p(1, 0.6), p(3, 0.8));

    assertThat(CostQuality.costToReach(hull, 0.7).getAsDouble()).isCloseTo(2, within(1e-12));
    assertThat(CostQuality.costToReach(hull, 0.5).getAsDouble()).isEqualTo(1);
    assertThat(CostQuality.costToReach(hull, 0.9)).isEmpty();
  }

  @Test
  void zeroRouter_onTinyTable_mixesTheTwoModelsOnItsHull() {
    // three models on two prompts: "cheap" right once, "mid" right once but dearer (dominated), "dear" right twice
    List<RouterBenchRow> rows = List.of(
        Rows.arc("1", true, "cheap", "A", true, 1.0, "mid", "A", false, 2.0, "dear", "B", true, 4.0),
        Rows.arc("2", true, "cheap", "A", false, 1.0, "mid", "B", true, 2.0, "dear", "B", true, 4.0));
    List<CostQuality.Point> singles = List.of("cheap", "mid", "dear").stream()
        .map(m -> Baselines.single(rows, m)).toList();

    List<CostQuality.Point> zero = CostQuality.hull(singles);

    assertThat(zero).containsExactly(p(1, 0.5), p(4, 1.0));
    assertThat(CostQuality.accuracyAt(zero, 2.5)).isCloseTo(0.75, within(1e-12));
    assertThat(CostQuality.aiq(zero, 1, 4)).isCloseTo(0.75, within(1e-12));
  }

  @Property(seed = "20261126")
  void hull_isNonDecreasingAndConcave(
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 1) Double> accuracies) {
    List<CostQuality.Point> points = new java.util.ArrayList<>();
    for (int i = 0; i < accuracies.size(); i++) {
      points.add(p(i + 1, accuracies.get(i)));
    }
    List<CostQuality.Point> hull = CostQuality.hull(points);

    for (int i = 1; i < hull.size(); i++) {
      assertThat(hull.get(i).accuracy()).isGreaterThan(hull.get(i - 1).accuracy());
    }
    for (int i = 2; i < hull.size(); i++) {
      double before = (hull.get(i - 1).accuracy() - hull.get(i - 2).accuracy())
          / (hull.get(i - 1).cost() - hull.get(i - 2).cost());
      double after = (hull.get(i).accuracy() - hull.get(i - 1).accuracy())
          / (hull.get(i).cost() - hull.get(i - 1).cost());
      assertThat(after).isLessThanOrEqualTo(before + 1e-12);
    }
    for (CostQuality.Point point : points) {
      assertThat(CostQuality.accuracyAt(hull, point.cost())).isGreaterThanOrEqualTo(point.accuracy() - 1e-12);
    }
  }
}
