package dev.atomic.bench.routing;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.exchange.Cascade;
import dev.atomic.models.embed.EmbeddingCache;
import dev.atomic.models.embed.MiniLmEmbedder;
import dev.atomic.task.Features;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * {@code ./atomic bench routing}: does letting models bid, and learning from outcomes, buy the best model's quality at
 * a fraction of its cost? Replays the recorded answers of 11 real LLMs on RouterBench prompts through the production
 * exchange, cold, over several seeds and a sweep of the cost weight, against RouterBench's baselines on the same rows.
 *
 * <p>Settings beyond the common options are system properties: {@code atomic.routing.seeds} (default 5),
 * {@code atomic.routing.dims} (feature dimensions after PCA, default {@value #DEFAULT_DIMS}; 0 for no context) and
 * {@code atomic.embedding.cache} (default {@code ~/.cache/atomic/embeddings-all-minilm-l6-v2-q.bin}).
 */
public final class RoutingBenchmark implements Benchmark {

  static final String DEFAULT_DATA = "routerbench-0shot/routerbench_0shot.jsonl";
  static final int DEFAULT_DIMS = 16;
  static final int DEFAULT_SEEDS = 5;
  /** The cost weights λ swept (quality points given up per USD); per prompt costs are 0.0001 to 0.005 USD. */
  static final List<Double> COST_WEIGHTS = List.of(0.0, 5.0, 10.0, 20.0, 40.0, 70.0, 120.0, 250.0, 600.0, 3000.0);
  static final List<Double> QUICK_COST_WEIGHTS = List.of(0.0, 20.0, 120.0, 3000.0);
  /** Priors of the exchange's estimator for this benchmark: the core defaults. */
  static final EstimatorConfig ESTIMATOR = EstimatorConfig.defaults();

  @Override
  public String name() {
    return "routing";
  }

  @Override
  public String description() {
    return "the exchange routing 11 real LLMs' recorded RouterBench answers, cold, against RouterBench's baselines";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    long started = System.nanoTime();
    Path dataFile = options.dataOr(DEFAULT_DATA);
    RouterBenchData.Dataset data = RouterBenchData.load(dataFile);
    List<RouterBenchRow> rows = data.rows();
    List<ModelPrice> prices = ModelPrice.forModels(data.models());
    List<Cascade> cascades = CascadeFamily.declare(prices);
    options.progress().printf("routing: %d rows (%d incomplete skipped), %d models, %d cascades%n",
        rows.size(), data.skippedIncomplete(), prices.size(), cascades.size());

    int dims = Integer.getInteger("atomic.routing.dims", DEFAULT_DIMS);
    int seedCount = Integer.getInteger("atomic.routing.seeds", options.quick() ? 1 : DEFAULT_SEEDS);
    if (dims < 0 || dims > 384 || seedCount < 1) {
      throw new IllegalArgumentException("atomic.routing.dims must be in [0, 384] and atomic.routing.seeds >= 1, were "
          + dims + " and " + seedCount);
    }
    List<Long> seeds = LongStream.rangeClosed(1, seedCount).boxed().toList();
    List<Double> weights = options.quick() ? QUICK_COST_WEIGHTS : COST_WEIGHTS;

    QuestionFeatures embeddings = embed(rows, options);
    Map<String, Features> features = embeddings.reduced(rows, dims);
    long embedded = System.nanoTime();

    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    options.progress().printf("routing: %d cost weights x %d seeds on %d threads...%n", weights.size(),
        seeds.size(), threads);
    List<StreamSummary> streams = Sweep.run(rows, prices, cascades, features, ESTIMATOR, weights, seeds, threads);
    // The same sweep without context, to measure what the question's embedding adds (or costs) online.
    List<StreamSummary> plain = dims == 0 ? streams
        : Sweep.run(rows, prices, cascades, embeddings.reduced(rows, 0), ESTIMATOR, weights, seeds, threads);
    long swept = System.nanoTime();

    KnnRouter knn = KnnRouter.train(rows, embeddings, data.models());
    RoutingResults results = RoutingResults.compute(rows, data.models(), streams, knn, weights, seeds);
    RoutingResults withoutContext = RoutingResults.compute(rows, data.models(), plain, knn, weights, seeds);
    RoutingReport report = new RoutingReport(dataFile, data, cascades, dims, ESTIMATOR, results, withoutContext,
        (embedded - started) / 1e9, (swept - embedded) / 1e9, (System.nanoTime() - started) / 1e9, options.quick());
    Files.createDirectories(options.out());
    Files.writeString(options.out().resolve("routing.svg"), report.chart());
    Reports.write(options.out(), name(), report.figures(), report.markdown());
    options.progress().println(report.summary());
  }

  private static QuestionFeatures embed(List<RouterBenchRow> rows, BenchOptions options) {
    Path cache = Path.of(System.getProperty("atomic.embedding.cache",
        Path.of(System.getProperty("user.home"), ".cache", "atomic", "embeddings-all-minilm-l6-v2-q.bin").toString()));
    options.progress().printf("routing: embedding %d questions (cache %s)...%n", rows.size(), cache);
    try (EmbeddingCache embedder = EmbeddingCache.open(new MiniLmEmbedder(), cache)) {
      QuestionFeatures features = QuestionFeatures.embed(rows, embedder);
      embedder.flush();
      return features;
    }
  }
}
