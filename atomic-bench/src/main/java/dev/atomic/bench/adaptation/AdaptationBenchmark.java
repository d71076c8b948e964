package dev.atomic.bench.adaptation;

import dev.atomic.adapt.Adaptation;
import dev.atomic.adapt.HeadEntry;
import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import dev.atomic.bench.adaptation.Datasets.DataSet;
import dev.atomic.bench.adaptation.StreamRun.Config;
import dev.atomic.bench.adaptation.StreamRun.Outcome;
import dev.atomic.models.embed.EmbeddingCache;
import dev.atomic.models.embed.MiniLmEmbedder;
import dev.atomic.models.local.VaderSentiment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./atomic bench adaptation}: local heads learning online, through the real exchange, to take over traffic from a
 * premium model, on SMS spam, UCI sentiment and BANKING77, against each bidder alone.
 */
public final class AdaptationBenchmark implements Benchmark {

  private static final long SEED = 20_260_501L;
  private static final double COST_WEIGHT = 10; // quality points per USD: the premium's $0.002 costs 0.02
  private static final double AGREEMENT_CONFIDENCE = 0.9;
  private static final StreamRun.PremiumTerms PREMIUM =
      new StreamRun.PremiumTerms(0.002, 0.02, Duration.ofMillis(800));

  @Override
  public String name() {
    return "adaptation";
  }

  @Override
  public String description() {
    return "local heads learning online to take over from a (replayed) premium model, through the exchange";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    Path cacheFile = Path.of(System.getProperty("user.home"), ".cache", "atomic",
        "embeddings-" + MiniLmEmbedder.ID + ".bin");
    Map<String, Object> figures = new LinkedHashMap<>();
    StringBuilder md = new StringBuilder();
    try (EmbeddingCache embedder = EmbeddingCache.open(new MiniLmEmbedder(), cacheFile)) {
      VaderSentiment vader = VaderSentiment.load();
      StreamRun runner = new StreamRun(embedder, vader, PREMIUM, COST_WEIGHT, AGREEMENT_CONFIDENCE, SEED);
      List<DataSet> sets = List.of(
          Datasets.sms(options.dataDir(), SEED),
          Datasets.sentiment(options.dataDir(), SEED),
          Datasets.banking(options.dataDir(), SEED));
      Map<String, Object> perSet = new LinkedHashMap<>();
      for (DataSet full : sets) {
        DataSet data = options.quick() ? shorten(full) : full;
        options.progress().println("adaptation: " + data.name() + ", embedding " + (data.stream().size()
            + data.test().size()) + " texts (cached in " + cacheFile + ")");
        embedder.embedAll(data.stream().stream().map(Datasets.Labelled::text).toList());
        embedder.embedAll(data.test().stream().map(Datasets.Labelled::text).toList());
        embedder.flush();
        boolean sentiment = data.kind().equals("review.sentiment");
        List<Config> configs = new ArrayList<>();
        configs.add(new Config("exchange", true, true, sentiment, true, true, false));
        configs.add(new Config("exchange, learning only accepted outputs", true, true, sentiment, true, true, true));
        configs.add(new Config("exchange of local bidders only", true, true, sentiment, false, false, false));
        configs.add(new Config(StreamRun.LOGISTIC + " alone", true, false, false, false, false, false));
        configs.add(new Config(StreamRun.KNN + " alone", false, true, false, false, false, false));
        if (sentiment) {
          configs.add(new Config(StreamRun.VADER + " alone", false, false, true, false, false, false));
        }
        configs.add(new Config(ReplayedPremium.ID + " alone", false, false, false, true, false, false));
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Object> memory = new LinkedHashMap<>();
        for (Config config : configs) {
          Adaptation adaptation = adaptation(embedder);
          Outcome outcome = runner.run(data, config, adaptation);
          outcomes.add(outcome);
          options.progress().println("  " + line(outcome));
          if (config.name().equals("exchange")) {
            for (HeadEntry head : adaptation.state().heads()) {
              memory.put(head.bidder(), Map.of(
                  "array_bytes", adaptation.memoryBytes(head.bidder()),
                  "json_bytes", Reports.json().writeValueAsBytes(head).length,
                  "classes", head.logistic() != null ? head.logistic().classes().size() : head.knn().classes().size()));
            }
          }
        }
        perSet.put(data.name(), setFigures(data, outcomes, memory));
        md.append(Report.section(data, outcomes, memory));
      }
      figures.put("datasets", perSet);
    }
    figures.put("premium_stand_in", Map.of(
        "what", "replayed: answers the data set's label, a wrong label at the declared error rate; not a real LLM",
        "price_usd_per_call", PREMIUM.priceUsd(), "error_rate", PREMIUM.errorRate(), "seed", SEED));
    figures.put("cost_weight_quality_per_usd", COST_WEIGHT);
    figures.put("cascade_stage_one_confidence", AGREEMENT_CONFIDENCE);
    figures.put("local_compute_usd_per_cpu_ms", dev.atomic.models.local.ComputeCost.DEFAULT_USD_PER_CPU_MS);
    figures.put("seed", SEED);
    figures.put("quick", options.quick());
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    String report = Report.header(options.quick(), PREMIUM, COST_WEIGHT, AGREEMENT_CONFIDENCE, SEED) + md;
    Reports.write(options.out(), name(), figures, report);
    options.progress().println(report);
  }

  private static Adaptation adaptation(EmbeddingCache embedder) {
    return Adaptation.builder(embedder).build();
  }

  private static Map<String, Object> setFigures(DataSet data, List<Outcome> outcomes, Map<String, Object> memory) {
    Outcome exchange = outcomes.getFirst();
    boolean hasTest = !data.test().isEmpty();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accuracy_after_500", exchange.accuracyAfter500());
    m.put("final_accuracy", hasTest ? exchange.testAccuracy() : exchange.prequentialAccuracy());
    m.put("final_accuracy_is", hasTest ? "accuracy on the test file, served after one pass over the training stream"
        : "prequential accuracy over the whole stream");
    m.put("local_share", hasTest ? exchange.testLocalShare() : exchange.streamLocalShare());
    m.put("cost_vs_premium_pct", hasTest ? exchange.testCostVsPremiumPct() : exchange.streamCostVsPremiumPct());
    m.put("head_memory", memory);
    Map<String, Object> configs = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      configs.put(o.config(), o);
    }
    m.put("configurations", configs);
    return m;
  }

  private static DataSet shorten(DataSet d) {
    return new DataSet(d.name(), d.kind(), d.stream().subList(0, Math.min(1200, d.stream().size())),
        d.test().subList(0, Math.min(300, d.test().size())));
  }

  private static String line(Outcome o) {
    return String.format(Locale.ROOT, "%-28s after500 %.4f preq %.4f local %.3f cost %.1f%% test %.4f (local %.3f) "
            + "%.1fs+%.1fs",
        o.config(), o.accuracyAfter500(), o.prequentialAccuracy(), o.streamLocalShare(), o.streamCostVsPremiumPct(),
        o.testAccuracy(), o.testLocalShare(), o.streamSeconds(), o.testSeconds());
  }
}
