package dev.atomic.bench.adaptation;

import dev.atomic.adapt.Adaptation;
import dev.atomic.bench.adaptation.Datasets.DataSet;
import dev.atomic.bench.adaptation.Datasets.Labelled;
import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Cascade;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.NoEligibleBidException;
import dev.atomic.exchange.Utility;
import dev.atomic.exchange.Verifier;
import dev.atomic.models.embed.TextEmbedder;
import dev.atomic.models.local.ComputeCost;
import dev.atomic.models.local.SentimentBidder;
import dev.atomic.models.local.VaderSentiment;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One configuration of bidders streamed over one data set through a real {@link Exchange}: each item is auctioned and
 * served ({@code execute}), the exchange is told whether the served label was right ({@code feedback}), and the
 * item's label reaches the local heads through {@link Adaptation#learn}. Then, when the set has a test split, each test
 * item is served with no feedback.
 */
final class StreamRun {

  static final String LOGISTIC = "logistic-head";
  static final String KNN = "knn-head";
  static final String VADER = "vader-lexicon";
  static final String CASCADE = "local-agree-else-premium";
  private static final java.util.Set<String> LOCAL_ARMS = java.util.Set.of(LOGISTIC, KNN, VADER);

  /**
   * Which bidders (and whether the cascade) take part, and what the heads learn from: every item's true label, or
   * only the served output when the feedback accepted it (online distillation from whoever served).
   */
  record Config(String name, boolean logistic, boolean knn, boolean vader, boolean premium, boolean cascade,
      boolean acceptedOutputsOnly) {}

  /** What one configuration did on one data set. */
  record Outcome(
      String config,
      int streamItems,
      double accuracyAfter500,
      double prequentialAccuracy,
      double streamLocalShare,
      double streamCostUsd,
      double streamCostVsPremiumPct,
      Map<String, Long> streamServedBy,
      long streamNoAnswer,
      double streamSeconds,
      int testItems,
      double testAccuracy,
      double testLocalShare,
      double testCostVsPremiumPct,
      Map<String, Long> testServedBy,
      long testNoAnswer,
      double testSeconds,
      Calibration localCalibration,
      Map<String, Long> headMemoryBytes) {}

  /**
   * How well confidence matched accuracy on the stream items after the first 500 that a local bidder won alone:
   * expected calibration error (10 equal-width bins) of the bidders' raw claims and of the exchange's calibrated belief.
   */
  record Calibration(int awards, double accuracy, double meanClaim, double claimError, double meanBelief,
      double beliefError) {

    static Calibration of(List<double[]> rows) {
      if (rows.isEmpty()) {
        return new Calibration(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      double right = 0;
      double claim = 0;
      double belief = 0;
      for (double[] r : rows) {
        claim += r[0];
        belief += r[1];
        right += r[2];
      }
      int n = rows.size();
      return new Calibration(n, right / n, claim / n, ece(rows, 0), belief / n, ece(rows, 1));
    }

    private static double ece(List<double[]> rows, int column) {
      double[] confidence = new double[10];
      double[] correct = new double[10];
      int[] count = new int[10];
      for (double[] r : rows) {
        int bin = Math.min((int) (r[column] * 10), 9);
        confidence[bin] += r[column];
        correct[bin] += r[2];
        count[bin]++;
      }
      double error = 0;
      for (int b = 0; b < 10; b++) {
        if (count[b] > 0) {
          error += Math.abs(confidence[b] - correct[b]) / rows.size();
        }
      }
      return error;
    }
  }

  /** The premium stand-in's declared terms. */
  record PremiumTerms(double priceUsd, double errorRate, Duration latency) {}

  private final TextEmbedder embedder;
  private final VaderSentiment vader;
  private final PremiumTerms premiumTerms;
  private final double costWeight;
  private final double agreementConfidence;
  private final long seed;

  StreamRun(TextEmbedder embedder, VaderSentiment vader, PremiumTerms premiumTerms, double costWeight,
      double agreementConfidence, long seed) {
    this.embedder = embedder;
    this.vader = vader;
    this.premiumTerms = premiumTerms;
    this.costWeight = costWeight;
    this.agreementConfidence = agreementConfidence;
    this.seed = seed;
  }

  Outcome run(DataSet data, Config config, Adaptation adaptation) {
    List<String> labels = data.stream().stream().map(Labelled::label).distinct().sorted().toList();
    ReplayedPremium premium = new ReplayedPremium(premiumTerms.priceUsd(), premiumTerms.errorRate(),
        premiumTerms.latency(), seed, labels);
    Exchange.Builder builder = Exchange.builder().seed(seed).utility(Utility.of(costWeight, 0))
        .bidTimeout(Duration.ofSeconds(5));
    List<String> local = new ArrayList<>();
    if (config.logistic()) {
      builder.bidder(adaptation.logisticHead(data.kind(), LOGISTIC));
      local.add(LOGISTIC);
    }
    if (config.knn()) {
      builder.bidder(adaptation.knnHead(data.kind(), KNN));
      local.add(KNN);
    }
    if (config.vader()) {
      builder.bidder(SentimentBidder.of(VADER, data.kind(), "positive", "negative", vader, ComputeCost.defaults()));
      local.add(VADER);
    }
    if (config.premium()) {
      builder.bidder(premium);
    }
    if (config.cascade()) {
      builder.cascade(Cascade.of(CASCADE, agreeingAndConfident(agreementConfidence),
          List.of(List.copyOf(local), List.of(ReplayedPremium.ID))).forKinds(java.util.Set.of(data.kind())));
    }
    try (Exchange exchange = builder.build()) {
      Phase stream = serve(exchange, premium, adaptation, data, data.stream(), true, config.acceptedOutputsOnly());
      Phase test = serve(exchange, premium, adaptation, data, data.test(), false, false);
      Map<String, Long> memory = new TreeMap<>();
      for (String id : List.of(LOGISTIC, KNN)) {
        if (id.equals(LOGISTIC) ? config.logistic() : config.knn()) {
          memory.put(id, adaptation.memoryBytes(id));
        }
      }
      double premiumAlone = premiumTerms.priceUsd();
      return new Outcome(config.name(), stream.items, stream.accuracyAfter(500), stream.accuracyAfter(0),
          stream.localShare(), stream.cost, stream.cost / (premiumAlone * Math.max(stream.items, 1)) * 100,
          stream.servedBy, stream.noAnswer, stream.seconds, test.items, test.accuracyAfter(0), test.localShare(),
          test.cost / (premiumAlone * Math.max(test.items, 1)) * 100, test.servedBy, test.noAnswer, test.seconds,
          Calibration.of(stream.localWins), memory);
    }
  }

  /** What one pass over items did. */
  private static final class Phase {
    int items;
    boolean[] correct;
    long premiumCalls;
    long noAnswer;
    double cost;
    double seconds;
    final Map<String, Long> servedBy = new TreeMap<>();
    /** {claimed, believed, right} of each solo local win after the first 500 items. */
    final List<double[]> localWins = new ArrayList<>();

    double accuracyAfter(int skip) {
      int n = 0;
      int right = 0;
      for (int i = skip; i < items; i++) {
        n++;
        right += correct[i] ? 1 : 0;
      }
      return n == 0 ? Double.NaN : (double) right / n;
    }

    double localShare() {
      return items == 0 ? Double.NaN : 1 - (double) premiumCalls / items;
    }
  }

  private Phase serve(Exchange exchange, ReplayedPremium premium, Adaptation adaptation, DataSet data,
      List<Labelled> items, boolean learn, boolean acceptedOutputsOnly) {
    Phase phase = new Phase();
    phase.items = items.size();
    phase.correct = new boolean[items.size()];
    long callsBefore = premium.calls();
    long start = System.nanoTime();
    String prefix = data.name() + (learn ? "-stream-" : "-test-");
    for (int i = 0; i < items.size(); i++) {
      Labelled item = items.get(i);
      Microtask task = Microtask.builder(data.kind()).id(prefix + i).input(item.text()).outputType(String.class)
          .build();
      premium.expect(task.id(), item.label());
      Object served = null;
      try {
        Execution execution = exchange.execute(task);
        served = execution.output();
        boolean right = item.label().equals(served);
        phase.correct[i] = right;
        phase.cost += execution.totalCostUsd();
        phase.servedBy.merge(execution.servedBy(), 1L, Long::sum);
        if (i >= 500 && LOCAL_ARMS.contains(execution.servedBy()) && !execution.escalated()) {
          var bid = execution.decision().winningBid().orElseThrow();
          phase.localWins.add(new double[] {bid.claimedQuality(), bid.believedQuality(), right ? 1 : 0});
        }
        if (learn) {
          exchange.feedback(execution.decision().id(), right ? Feedback.accepted() : Feedback.rejected());
        }
        if (learn && acceptedOutputsOnly) {
          adaptation.learn(task, served, right ? Feedback.accepted() : Feedback.rejected());
        }
      } catch (NoEligibleBidException e) {
        phase.noAnswer++; // counted wrong: nobody could answer yet
      } finally {
        premium.forget(task.id());
      }
      if (learn && !acceptedOutputsOnly) {
        // The label arrives after the decision, as a person's correction or a verified answer would.
        adaptation.learn(task, item.label(), Feedback.accepted());
      }
    }
    phase.seconds = (System.nanoTime() - start) / 1e9;
    phase.premiumCalls = premium.calls() - callsBefore;
    return phase;
  }

  /** Accepts a stage when all its answers agree and each is at least {@code threshold} confident. */
  static Verifier agreeingAndConfident(double threshold) {
    Verifier agree = Verifier.agreement();
    return (task, answers) -> agree.accept(task, answers)
        && answers.stream().allMatch(a -> !(a.confidence() < threshold));
  }
}
