package dev.atomic.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.task.Features;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeStreamTest {

  private static final List<ModelPrice> PRICES = List.of(
      new ModelPrice("right", "together", 1, 1),
      new ModelPrice("wrong", "together", 1, 1),
      new ModelPrice("dear", "openai", 50, 50));

  /** "right" is always right, "wrong" always wrong at the same price, "dear" always right at 50 times the price. */
  private static List<RouterBenchRow> rows(int n) {
    List<RouterBenchRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(Rows.arc("p" + i, i % 2 == 0, "right", "B", true, 0.0005, "wrong", "A", false, 0.0005,
          "dear", "B", true, 0.025));
    }
    return rows;
  }

  private static Map<String, Features> noContext(List<RouterBenchRow> rows) {
    Map<String, Features> features = new HashMap<>();
    rows.forEach(r -> features.put(r.id(), Features.none()));
    return features;
  }

  @Test
  void run_learnsTheCheapRightModelFromOutcomes() {
    List<RouterBenchRow> rows = rows(300);

    List<ExchangeStream.Outcome> outcomes = ExchangeStream.run(rows, PRICES, List.of(), noContext(rows),
        EstimatorConfig.defaults(), 20, 7);

    List<ExchangeStream.Outcome> late = outcomes.subList(200, 300);
    assertThat(late.stream().filter(o -> o.winner().equals("right")).count()).isGreaterThan(90);
    assertThat(late.stream().mapToDouble(ExchangeStream.Outcome::quality).average().orElseThrow()).isGreaterThan(0.9);
    assertThat(outcomes.stream().mapToDouble(ExchangeStream.Outcome::costUsd).sum())
        .isLessThan(300 * 0.025 / 4);
  }

  @Test
  void run_withTheSameSeed_repeatsItsDecisions() {
    List<RouterBenchRow> rows = rows(100);

    List<ExchangeStream.Outcome> first = ExchangeStream.run(rows, PRICES, List.of(), noContext(rows),
        EstimatorConfig.defaults(), 20, 11);
    List<ExchangeStream.Outcome> second = ExchangeStream.run(rows, PRICES, List.of(), noContext(rows),
        EstimatorConfig.defaults(), 20, 11);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void run_cascadeOfAgreeingCheapModels_isGradedFromItsCalls() {
    List<ModelPrice> prices = new ArrayList<>(PRICES);
    prices.add(new ModelPrice("right2", "together", 1, 1));
    prices.addAll(List.of(new ModelPrice("x1", "together", 2, 2), new ModelPrice("x2", "together", 3, 3)));
    List<RouterBenchRow> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(Rows.arc("p" + i, true, "right", "B", true, 0.0005, "wrong", "A", false, 0.0005,
          "dear", "B", true, 0.025, "right2", "B", true, 0.0005, "x1", "C", false, 0.001, "x2", "C", false, 0.0015));
    }

    List<ExchangeStream.Outcome> outcomes = ExchangeStream.run(rows, prices,
        CascadeFamily.declare(prices), noContext(rows), EstimatorConfig.defaults(), 0, 3);

    assertThat(outcomes).hasSize(50);
    assertThat(outcomes).anyMatch(o -> o.winner().startsWith("cascade["));
    for (ExchangeStream.Outcome o : outcomes) {
      boolean rightAnswerer = o.winner().equals("right") || o.winner().equals("right2") || o.winner().equals("dear");
      if (!o.winner().startsWith("cascade[")) {
        assertThat(o.quality()).isEqualTo(rightAnswerer ? 1.0 : 0.0);
      }
    }
  }
}
