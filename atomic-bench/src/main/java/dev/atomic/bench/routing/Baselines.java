package dev.atomic.bench.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The reference routers that need no learning, computed on the same rows as the exchange: each single model, a random
 * choice, the best single model per task in hindsight, and the oracle (the cheapest right model, in hindsight). These
 * read outcomes freely: they are yardsticks, not routers under test.
 */
final class Baselines {

  private Baselines() {}

  /** Always the same model. */
  static CostQuality.Point single(List<RouterBenchRow> rows, String model) {
    double right = 0;
    double cost = 0;
    for (RouterBenchRow r : rows) {
      right += r.correct(model) ? 1 : 0;
      cost += r.cost(model);
    }
    return new CostQuality.Point(cost / rows.size(), right / rows.size());
  }

  /** A model drawn uniformly at random for each prompt. */
  static CostQuality.Point random(List<RouterBenchRow> rows, List<String> models, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double right = 0;
    double cost = 0;
    for (RouterBenchRow r : rows) {
      String m = models.get(random.nextInt(models.size()));
      right += r.correct(m) ? 1 : 0;
      cost += r.cost(m);
    }
    return new CostQuality.Point(cost / rows.size(), right / rows.size());
  }

  /** The cheapest model that answered right, or the cheapest model when none did. */
  static CostQuality.Point oracle(List<RouterBenchRow> rows, List<String> models) {
    double right = 0;
    double cost = 0;
    for (RouterBenchRow r : rows) {
      String best = null;
      String cheapest = null;
      for (String m : models) {
        if (r.correct(m) && (best == null || r.cost(m) < r.cost(best))) {
          best = m;
        }
        if (cheapest == null || r.cost(m) < r.cost(cheapest)) {
          cheapest = m;
        }
      }
      String pick = best != null ? best : cheapest;
      right += r.correct(pick) ? 1 : 0;
      cost += r.cost(pick);
    }
    return new CostQuality.Point(cost / rows.size(), right / rows.size());
  }

  /**
   * For each task, the model with the best {@code accuracy − λ·cost} over all rows, known in hindsight; with λ = 0 the
   * most accurate model per task.
   */
  static CostQuality.Point bestPerTask(List<RouterBenchRow> rows, List<String> models, double costWeight) {
    Map<Task, String> pick = new EnumMap<>(Task.class);
    for (Task task : Task.values()) {
      List<RouterBenchRow> of = rows.stream().filter(r -> r.task() == task).toList();
      if (of.isEmpty()) {
        continue;
      }
      String best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (String m : models) {
        CostQuality.Point p = single(of, m);
        double score = p.accuracy() - costWeight * p.cost();
        if (score > bestScore) {
          bestScore = score;
          best = m;
        }
      }
      pick.put(task, best);
    }
    double right = 0;
    double cost = 0;
    for (RouterBenchRow r : rows) {
      String m = pick.get(r.task());
      right += r.correct(m) ? 1 : 0;
      cost += r.cost(m);
    }
    return new CostQuality.Point(cost / rows.size(), right / rows.size());
  }
}
