package dev.atomic.bench.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one exchange stream: accuracy and mean cost overall, calibration of the winning bids after the
 * warm-up, accuracy and cost per window of the stream (the learning curve), and how often each arm won.
 *
 * @param costWeight the utility's cost weight λ
 * @param seed the stream's seed (order and exploration)
 * @param accuracy mean graded quality over the stream
 * @param cost mean USD per prompt over the stream
 * @param eceAfterWarmUp expected calibration error of the winners' believed quality after the first
 *     {@value #WARM_UP} prompts
 * @param windowAccuracy accuracy per window of {@value #WINDOW} prompts
 * @param windowCost mean cost per prompt per window
 * @param wins how many prompts each arm won
 * @param lateAccuracy accuracy over the second half of the stream, once the exchange has learned
 * @param lateCost mean cost per prompt over the second half of the stream
 * @param testAccuracy accuracy over the stream's test-split prompts (where the kNN router is measured)
 * @param testCost mean cost per prompt over those prompts
 */
record StreamSummary(double costWeight, long seed, double accuracy, double cost, double eceAfterWarmUp,
    List<Double> windowAccuracy, List<Double> windowCost, Map<String, Integer> wins, double lateAccuracy,
    double lateCost, double testAccuracy, double testCost) {

  static final int WARM_UP = 500;
  static final int WINDOW = 250;

  static StreamSummary of(double costWeight, long seed, List<ExchangeStream.Outcome> outcomes) {
    double right = 0;
    double cost = 0;
    Map<String, Integer> wins = new TreeMap<>();
    List<Double> windowAccuracy = new ArrayList<>();
    List<Double> windowCost = new ArrayList<>();
    double wRight = 0;
    double wCost = 0;
    int wCount = 0;
    int later = Math.max(outcomes.size() - WARM_UP, 0);
    double[] believed = new double[later];
    double[] observed = new double[later];
    int half = outcomes.size() / 2;
    double lateRight = 0;
    double lateCost = 0;
    double testRight = 0;
    double testCost = 0;
    int tests = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      ExchangeStream.Outcome o = outcomes.get(i);
      right += o.quality();
      cost += o.costUsd();
      wins.merge(o.winner(), 1, Integer::sum);
      wRight += o.quality();
      wCost += o.costUsd();
      if (++wCount == WINDOW || i == outcomes.size() - 1) {
        windowAccuracy.add(wRight / wCount);
        windowCost.add(wCost / wCount);
        wRight = 0;
        wCost = 0;
        wCount = 0;
      }
      if (!o.train()) {
        testRight += o.quality();
        testCost += o.costUsd();
        tests++;
      }
      if (i >= half) {
        lateRight += o.quality();
        lateCost += o.costUsd();
      }
      if (i >= WARM_UP) {
        believed[i - WARM_UP] = o.believedQuality();
        observed[i - WARM_UP] = o.quality();
      }
    }
    return new StreamSummary(costWeight, seed, right / outcomes.size(), cost / outcomes.size(),
        Calibration.expectedCalibrationError(believed, observed), List.copyOf(windowAccuracy),
        List.copyOf(windowCost), Map.copyOf(wins), lateRight / (outcomes.size() - half),
        lateCost / (outcomes.size() - half), tests == 0 ? Double.NaN : testRight / tests,
        tests == 0 ? Double.NaN : testCost / tests);
  }
}
