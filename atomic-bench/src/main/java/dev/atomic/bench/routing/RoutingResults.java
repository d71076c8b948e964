package dev.atomic.bench.routing;

import dev.atomic.AtomicException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Every figure of the routing benchmark, computed from the exchange's streams and the baselines on the same rows.
 *
 * @param singles each model alone, on all rows
 * @param gpt4 GPT-4 alone, the reference
 * @param random a random model per prompt (mean over seeds)
 * @param oracle the cheapest right model per prompt, in hindsight
 * @param bestPerTask the most accurate model per task, in hindsight
 * @param bestPerTaskCurve the best model per task for each cost weight, in hindsight
 * @param zeroHull the Zero router: the convex hull of the single models
 * @param sweep the exchange at each cost weight, over the seeds
 * @param exchangeHull the hull of the exchange's mean operating points
 * @param knnK the kNN router's neighbourhood size, chosen by cross-validation on the train split
 * @param knnCurve the kNN router's operating points on the test split
 * @param knnGpt4 GPT-4 alone on the test split, the kNN router's reference
 * @param aiqFrom start of the AIQ cost range (the cheapest single model), USD per prompt
 * @param aiqTo end of the AIQ cost range (the dearest single model), USD per prompt
 * @param headline the sweep point reported as the exchange's result: the cheapest reaching 95% of GPT-4's accuracy,
 *     else the most accurate
 * @param seeds the seeds of the streams
 */
record RoutingResults(
    Map<String, CostQuality.Point> singles,
    CostQuality.Point gpt4,
    CostQuality.Point random,
    CostQuality.Point oracle,
    CostQuality.Point bestPerTask,
    List<CostQuality.Point> bestPerTaskCurve,
    List<CostQuality.Point> zeroHull,
    List<SweepPoint> sweep,
    List<CostQuality.Point> exchangeHull,
    int knnK,
    List<CostQuality.Point> knnCurve,
    CostQuality.Point knnGpt4,
    double aiqFrom,
    double aiqTo,
    SweepPoint headline,
    List<Long> seeds) {

  static final String GPT4 = "gpt-4-1106-preview";
  static final double NEAR_SHARE = 0.95;

  /** The exchange at one cost weight: mean and standard deviation over seeds. */
  record SweepPoint(double costWeight, double accuracy, double accuracySd, double cost, double costSd, double ece,
      double eceSd, List<Double> windowAccuracy, List<Double> windowCost, Map<String, Integer> wins,
      double lateAccuracy, double lateCost, double testAccuracy, double testCost) {
    CostQuality.Point point() {
      return new CostQuality.Point(cost, accuracy);
    }
  }

  static RoutingResults compute(List<RouterBenchRow> rows, List<String> models, List<StreamSummary> streams,
      KnnRouter knn, List<Double> weights, List<Long> seeds) {
    if (!models.contains(GPT4)) {
      throw new AtomicException("the data has no " + GPT4 + ", the reference model; it has " + models);
    }
    Map<String, CostQuality.Point> singles = new LinkedHashMap<>();
    models.forEach(m -> singles.put(m, Baselines.single(rows, m)));
    double randomAccuracy = 0;
    double randomCost = 0;
    for (long seed : seeds) {
      CostQuality.Point p = Baselines.random(rows, models, seed);
      randomAccuracy += p.accuracy() / seeds.size();
      randomCost += p.cost() / seeds.size();
    }
    List<CostQuality.Point> bestPerTaskCurve = new ArrayList<>();
    for (double w : KnnRouter.COST_WEIGHTS) {
      bestPerTaskCurve.add(Baselines.bestPerTask(rows, models, w));
    }
    List<SweepPoint> sweep = new ArrayList<>();
    for (double w : weights) {
      sweep.add(summarise(w, streams.stream().filter(s -> s.costWeight() == w).toList()));
    }
    double target = NEAR_SHARE * singles.get(GPT4).accuracy();
    SweepPoint headline = sweep.stream().filter(p -> p.accuracy() >= target)
        .min((a, b) -> Double.compare(a.cost(), b.cost()))
        .orElseGet(() -> sweep.stream().max((a, b) -> Double.compare(a.accuracy(), b.accuracy())).orElseThrow());
    List<CostQuality.Point> knnCurve = KnnRouter.COST_WEIGHTS.stream().map(knn::route).toList();
    double from = singles.values().stream().mapToDouble(CostQuality.Point::cost).min().orElseThrow();
    double to = singles.values().stream().mapToDouble(CostQuality.Point::cost).max().orElseThrow();
    return new RoutingResults(singles, singles.get(GPT4), new CostQuality.Point(randomCost, randomAccuracy),
        Baselines.oracle(rows, models), Baselines.bestPerTask(rows, models, 0), bestPerTaskCurve,
        CostQuality.hull(List.copyOf(singles.values())), sweep,
        CostQuality.hull(sweep.stream().map(SweepPoint::point).toList()), knn.k(), knnCurve,
        Baselines.single(knn.testRows(), GPT4), from, to, headline, List.copyOf(seeds));
  }

  /** AIQ of the exchange's mean operating points over the single models' cost range, on the given rows. */
  static double aiqOf(List<RouterBenchRow> rows, List<String> models, List<Double> weights,
      List<StreamSummary> streams) {
    List<CostQuality.Point> points = weights.stream()
        .map(w -> summarise(w, streams.stream().filter(s -> s.costWeight() == w).toList()).point()).toList();
    double from = models.stream().mapToDouble(m -> Baselines.single(rows, m).cost()).min().orElseThrow();
    double to = models.stream().mapToDouble(m -> Baselines.single(rows, m).cost()).max().orElseThrow();
    return CostQuality.aiq(CostQuality.hull(points), from, to);
  }

  /**
   * What the train-split selection streams show of a variant, as one line: AIQ, and the cheapest sweep point reaching
   * 95% of GPT-4's accuracy on the same rows (as % of GPT-4's cost there), with the arms that won there.
   */
  static String selectionFigures(List<RouterBenchRow> rows, List<String> models, List<Double> weights,
      List<StreamSummary> streams) {
    CostQuality.Point gpt4 = Baselines.single(rows, GPT4);
    List<SweepPoint> sweep = weights.stream()
        .map(w -> summarise(w, streams.stream().filter(s -> s.costWeight() == w).toList())).toList();
    double target = NEAR_SHARE * gpt4.accuracy();
    String reached = sweep.stream().filter(p -> p.accuracy() >= target)
        .min(Comparator.comparingDouble(SweepPoint::cost))
        .map(p -> String.format(Locale.ROOT, "%.1f%% +- %.1f (lambda %s, accuracy %.3f +- %.3f) wins %s",
            100 * p.cost() / gpt4.cost(), 100 * p.costSd() / gpt4.cost(), num(p.costWeight()), p.accuracy(),
            p.accuracySd(), p.wins()))
        .orElse("never reached");
    String curve = String.join(", ", sweep.stream().map(p -> String.format(Locale.ROOT, "%s: %.3f %.1f%%",
        num(p.costWeight()), p.accuracy(), 100 * p.cost() / gpt4.cost())).toList());
    return String.format(Locale.ROOT, "AIQ %.4f, best accuracy %.3f, cost at 95%% of GPT-4's accuracy (%.3f) %s%n"
            + "    sweep (lambda: accuracy, %% of GPT-4's cost): %s", aiqOf(rows, models, weights, streams),
        sweep.stream().mapToDouble(SweepPoint::accuracy).max().orElseThrow(), target, reached, curve);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static SweepPoint summarise(double weight, List<StreamSummary> runs) {
    if (runs.isEmpty()) {
      throw new IllegalStateException("no stream ran with cost weight " + weight);
    }
    double[] acc = runs.stream().mapToDouble(StreamSummary::accuracy).toArray();
    double[] cost = runs.stream().mapToDouble(StreamSummary::cost).toArray();
    double[] ece = runs.stream().mapToDouble(StreamSummary::eceAfterWarmUp).toArray();
    int windows = runs.stream().mapToInt(r -> r.windowAccuracy().size()).min().orElse(0);
    List<Double> windowAccuracy = new ArrayList<>();
    List<Double> windowCost = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      int i = w;
      windowAccuracy.add(runs.stream().mapToDouble(r -> r.windowAccuracy().get(i)).average().orElseThrow());
      windowCost.add(runs.stream().mapToDouble(r -> r.windowCost().get(i)).average().orElseThrow());
    }
    Map<String, Integer> wins = new TreeMap<>();
    runs.forEach(r -> r.wins().forEach((arm, n) -> wins.merge(arm, n, Integer::sum)));
    return new SweepPoint(weight, mean(acc), sd(acc), mean(cost), sd(cost), mean(ece), sd(ece),
        List.copyOf(windowAccuracy), List.copyOf(windowCost), Map.copyOf(wins),
        runs.stream().mapToDouble(StreamSummary::lateAccuracy).average().orElseThrow(),
        runs.stream().mapToDouble(StreamSummary::lateCost).average().orElseThrow(),
        runs.stream().mapToDouble(StreamSummary::testAccuracy).average().orElseThrow(),
        runs.stream().mapToDouble(StreamSummary::testCost).average().orElseThrow());
  }

  double gpt4Target() {
    return gpt4.accuracy();
  }

  double nearTarget() {
    return NEAR_SHARE * gpt4.accuracy();
  }

  /** A cost as a percentage of GPT-4's, on the same rows. */
  double pctOfGpt4(double cost) {
    return 100 * cost / gpt4.cost();
  }

  /** The cheapest measured exchange point reaching the accuracy, as % of GPT-4's cost; null when none does. */
  Double exchangeMeasuredPct(double accuracy) {
    return pct(CostQuality.cheapestMeasured(sweep.stream().map(SweepPoint::point).toList(), accuracy), gpt4);
  }

  /** Like {@link #exchangeMeasuredPct} over the second half of each stream only, once the exchange has learned. */
  Double exchangeSecondHalfPct(double accuracy) {
    return pct(sweep.stream().filter(p -> p.lateAccuracy() >= accuracy).mapToDouble(SweepPoint::lateCost).min(), gpt4);
  }

  /**
   * The exchange on the test-split prompts of its streams (it learns over the whole stream, as always), measured as the
   * kNN router is: cost to reach a share of GPT-4's test-split accuracy on the hull, as % of GPT-4's test-split cost.
   */
  Double exchangeTestSplitHullPct(double share) {
    return pct(CostQuality.costToReach(exchangeTestSplitHull(), share * knnGpt4.accuracy()), knnGpt4);
  }

  double exchangeTestSplitAiq() {
    return CostQuality.aiq(exchangeTestSplitHull(), aiqFrom, aiqTo);
  }

  private List<CostQuality.Point> exchangeTestSplitHull() {
    return CostQuality.hull(sweep.stream().map(p -> new CostQuality.Point(p.testCost(), p.testAccuracy())).toList());
  }

  Double exchangeHullPct(double accuracy) {
    return pct(CostQuality.costToReach(exchangeHull, accuracy), gpt4);
  }

  Double zeroHullPct(double accuracy) {
    return pct(CostQuality.costToReach(zeroHull, accuracy), gpt4);
  }

  /** The kNN router's cost on the test split to reach a share of GPT-4's accuracy there, as % of GPT-4's cost. */
  Double knnHullPct(double share) {
    return pct(CostQuality.costToReach(CostQuality.hull(knnCurve), share * knnGpt4.accuracy()), knnGpt4);
  }

  double exchangeAiq() {
    return CostQuality.aiq(exchangeHull, aiqFrom, aiqTo);
  }

  double zeroAiq() {
    return CostQuality.aiq(zeroHull, aiqFrom, aiqTo);
  }

  double knnAiq() {
    return CostQuality.aiq(CostQuality.hull(knnCurve), aiqFrom, aiqTo);
  }

  double bestPerTaskAiq() {
    return CostQuality.aiq(CostQuality.hull(bestPerTaskCurve), aiqFrom, aiqTo);
  }

  private static Double pct(OptionalDouble cost, CostQuality.Point reference) {
    return cost.isPresent() ? 100 * cost.getAsDouble() / reference.cost() : null;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double sd(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
