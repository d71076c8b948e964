package dev.atomic.bench.routing;

import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.exchange.Cascade;
import dev.atomic.task.Features;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Runs the exchange over every (cost weight, seed) pair, each a cold-started exchange on its own seeded shuffle of the
 * rows, in parallel on a fixed pool (one platform thread per core; the streams are CPU-bound).
 */
final class Sweep {

  private Sweep() {}

  static List<StreamSummary> run(List<RouterBenchRow> rows, List<ModelPrice> prices, Variant variant,
      Map<String, Features> features, List<Double> costWeights, List<Long> seeds, int threads)
      throws InterruptedException {
    return run(rows, prices, variant::claim, variant.cascades(prices), features, variant.estimator(), costWeights,
        seeds, threads);
  }

  static List<StreamSummary> run(List<RouterBenchRow> rows, List<ModelPrice> prices, ToDoubleFunction<String> claims,
      List<Cascade> cascades, Map<String, Features> features, EstimatorConfig config, List<Double> costWeights,
      List<Long> seeds, int threads) throws InterruptedException {
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<StreamSummary>> futures = new ArrayList<>();
      for (double weight : costWeights) {
        for (long seed : seeds) {
          futures.add(pool.submit(() -> StreamSummary.of(weight, seed,
              ExchangeStream.run(shuffled(rows, seed), prices, claims, cascades, features, config, weight, seed))));
        }
      }
      List<StreamSummary> results = new ArrayList<>(futures.size());
      for (Future<StreamSummary> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("an exchange stream failed: " + e.getCause(), e.getCause());
        }
      }
      return results;
    }
  }

  /** The rows in a seeded random order (Fisher–Yates). */
  static List<RouterBenchRow> shuffled(List<RouterBenchRow> rows, long seed) {
    List<RouterBenchRow> order = new ArrayList<>(rows);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      RouterBenchRow t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    return order;
  }
}
