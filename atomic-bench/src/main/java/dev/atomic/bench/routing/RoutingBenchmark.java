package dev.atomic.bench.routing;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import dev.atomic.exchange.Cascade;
import dev.atomic.models.embed.EmbeddingCache;
import dev.atomic.models.embed.MiniLmEmbedder;
import dev.atomic.task.Features;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * {@code ./atomic bench routing}: does letting models bid, and learning from outcomes, buy the best model's quality at
 * a fraction of its cost? Replays the recorded answers of 11 real LLMs on RouterBench prompts through the production
 * exchange, cold, over several seeds and a sweep of the cost weight, against RouterBench's baselines on the same rows.
 *
 * <p>The exchange runs in each of the declared {@link Variant#CANDIDATES} (context dimensions, exploration scale); the
 * variant reported as the result is the one with the best AIQ on a stream of the train split alone.
 *
 * <p>Settings beyond the common options are system properties: {@code atomic.routing.seeds} (default 5),
 * {@code atomic.embedding.cache} (default {@code ~/.cache/atomic/embeddings-all-minilm-l6-v2-q.bin}) and
 * {@code atomic.routing.selectionSeeds} (default 3) and {@code atomic.routing.selectOnly} (run the train-split selection streams alone and print each candidate's figures
 * there, for iterating on variants without ever looking at the whole stream) and {@code atomic.routing.candidates}
 * ({@code declared}, the default; {@code context-trials}: the first declared candidate against
 * {@link Variant#CONTEXT_TRIALS}; {@code composed-trials}: the same against {@link Variant#COMPOSED_TRIALS}).
 */
public final class RoutingBenchmark implements Benchmark {

  static final String DEFAULT_DATA = "routerbench-0shot/routerbench_0shot.jsonl";
  static final int DEFAULT_SEEDS = 5;
  /** Seeds of the train-split streams that choose the variant (distinct from the reported seeds). */
  static final int SELECTION_SEEDS = 3;
  /**
   * The cost weights λ swept (quality points given up per USD); per prompt costs are 0.0001 to 0.005 USD. Dense from 2.5
   * to 20, where a cascade's few points of accuracy start to be worth GPT-4's price, so that the cost reported at 95%
   * of GPT-4's accuracy is not an artefact of a coarse grid.
   */
  static final List<Double> COST_WEIGHTS = List.of(0.0, 1.0, 2.5, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0,
      25.0, 30.0, 35.0, 40.0, 50.0, 70.0, 120.0, 250.0, 600.0, 3000.0);
  static final List<Double> QUICK_COST_WEIGHTS = List.of(0.0, 20.0, 120.0, 3000.0);

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
    options.progress().printf("routing: %d rows (%d incomplete skipped), %d models%n", rows.size(),
        data.skippedIncomplete(), prices.size());

    int seedCount = Integer.getInteger("atomic.routing.seeds", options.quick() ? 1 : DEFAULT_SEEDS);
    if (seedCount < 1) {
      throw new IllegalArgumentException("atomic.routing.seeds must be >= 1, was " + seedCount);
    }
    List<Long> seeds = LongStream.rangeClosed(1, seedCount).boxed().toList();
    int selectionSeedCount = Integer.getInteger("atomic.routing.selectionSeeds", Math.min(seedCount, SELECTION_SEEDS));
    List<Long> selectionSeeds = LongStream.rangeClosed(101, 100 + selectionSeedCount).boxed().toList();
    List<Double> weights = options.quick() ? QUICK_COST_WEIGHTS : COST_WEIGHTS;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    QuestionFeatures embeddings = embed(rows, options);
    long embedded = System.nanoTime();

    // Pick the variant on a stream of the train split only, so the choice never sees a test prompt.
    List<RouterBenchRow> train = rows.stream().filter(RouterBenchRow::train).toList();
    if (Boolean.getBoolean("atomic.routing.selectOnly")) {
      selectOnly(train, data.models(), prices, embeddings, weights, selectionSeeds, threads, options);
      return;
    }
    List<VariantResult> variants = new ArrayList<>();
    long knnStarted = System.nanoTime();
    KnnRouter knn = KnnRouter.train(rows, embeddings, data.models());
    options.progress().printf("routing: kNN router: k=%d chosen by %d-fold cross-validation on the train split among "
        + "%s (%.1f s)%n", knn.k(), KnnRouter.FOLDS, KnnRouter.K_CANDIDATES, (System.nanoTime() - knnStarted) / 1e9);
    for (Variant v : candidates()) {
      options.progress().printf("routing: %s: %d cost weights x %d seeds on the train split, then x %d seeds on "
          + "all rows...%n", v.label(), weights.size(), selectionSeeds.size(), seeds.size());
      Map<String, Features> features = embeddings.reduced(rows, v.dims());
      double trainAiq = RoutingResults.aiqOf(train, data.models(), weights,
          Sweep.run(train, prices, v, features, weights, selectionSeeds, threads));
      List<StreamSummary> streams = Sweep.run(rows, prices, v, features, weights, seeds, threads);
      variants.add(new VariantResult(v, trainAiq,
          RoutingResults.compute(rows, data.models(), streams, knn, weights, seeds)));
    }
    VariantResult chosen = variants.stream().max(Comparator.comparingDouble(VariantResult::trainAiq)).orElseThrow();
    long swept = System.nanoTime();
    List<Cascade> cascades = chosen.variant().cascades(prices);
    List<HindsightArms.Ceiling> ceilings = ceilings(train, rows, data.models(), cascades);

    RoutingReport report = new RoutingReport(dataFile, data, cascades, ceilings, chosen, variants,
        (embedded - started) / 1e9, (swept - embedded) / 1e9, (System.nanoTime() - started) / 1e9, options.quick());
    Files.createDirectories(options.out());
    Files.writeString(options.out().resolve("routing.svg"), report.chart());
    Reports.write(options.out(), name(), report.figures(), report.markdown());
    options.progress().println(report.summary());
  }

  /** What one fixed arm per kind reaches in hindsight, among the chosen variant's arms: the ceiling without context. */
  static List<HindsightArms.Ceiling> ceilings(List<RouterBenchRow> train, List<RouterBenchRow> rows,
      List<String> models, List<Cascade> cascades) {
    List<HindsightArms.Ceiling> ceilings = new ArrayList<>();
    for (double share : List.of(RoutingResults.NEAR_SHARE, 1.0)) {
      ceilings.add(HindsightArms.Ceiling.of("train split", train, models, cascades, share));
      ceilings.add(HindsightArms.Ceiling.of("all rows", rows, models, cascades, share));
    }
    return List.copyOf(ceilings);
  }

  /** Prints each candidate's figures on the train-split streams alone: what selection sees, nothing more. */
  private static void selectOnly(List<RouterBenchRow> train, List<String> models, List<ModelPrice> prices,
      QuestionFeatures embeddings, List<Double> weights, List<Long> seeds, int threads, BenchOptions options)
      throws InterruptedException {
    for (Variant v : candidates()) {
      long t0 = System.nanoTime();
      options.progress().printf("select-only: %s: in hindsight, %s%n", v.label(),
          HindsightArms.Ceiling.of("train split", train, models, v.cascades(prices), RoutingResults.NEAR_SHARE)
              .describe());
      List<StreamSummary> streams = Sweep.run(train, prices, v, embeddings.reduced(train, v.dims()), weights, seeds,
          threads);
      options.progress().printf("select-only: %s: %s (%.0f s)%n", v.label(),
          RoutingResults.selectionFigures(train, models, weights, streams), (System.nanoTime() - t0) / 1e9);
    }
  }

  private static List<Variant> candidates() {
    return Variant.candidates(System.getProperty("atomic.routing.candidates", "declared"));
  }

  /** A variant's AIQ on the train-split stream (what chose it) and its results on the whole stream. */
  record VariantResult(Variant variant, double trainAiq, RoutingResults results) {}

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
