package dev.atomic.bench.routing;

import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.exchange.Cascade;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.exchange.ScoredBid;
import dev.atomic.exchange.Utility;
import dev.atomic.task.Features;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Routes one stream of prompts through a real {@link Exchange}, as production would: each prompt becomes a microtask of
 * its task's kind with the question's features; {@link Exchange#execute} holds the auction among the replayed models
 * and the declared cascades and serves the award; the answer is graded from the called models' recorded outcomes only,
 * and the grade goes back through {@link Exchange#feedback}. The exchange starts cold.
 */
final class ExchangeStream {

  /** What came of one prompt. */
  record Outcome(Task task, boolean train, String winner, double believedQuality, double quality, double costUsd) {}

  private ExchangeStream() {}

  static List<Outcome> run(List<RouterBenchRow> order, List<ModelPrice> prices, List<Cascade> cascades,
      Map<String, Features> features, EstimatorConfig config, double costWeight, long seed) {
    return run(order, prices, m -> ReplayBidder.FLAT_CLAIM, cascades, features, config, costWeight, seed);
  }

  /** A stream whose bidders claim the quality {@code claims} gives each model before any call. */
  static List<Outcome> run(List<RouterBenchRow> order, List<ModelPrice> prices, ToDoubleFunction<String> claims,
      List<Cascade> cascades, Map<String, Features> features, EstimatorConfig config, double costWeight, long seed) {
    Replay replay = new Replay(order);
    Exchange.Builder builder = Exchange.builder()
        .seed(seed)
        .utility(Utility.of(costWeight, 0))
        .estimator(config)
        .maxAttempts(1);
    prices.forEach(p -> builder.bidder(new ReplayBidder(p, replay, claims.applyAsDouble(p.model()))));
    cascades.forEach(builder::cascade);
    List<Outcome> outcomes = new ArrayList<>(order.size());
    try (Exchange exchange = builder.build()) {
      for (RouterBenchRow row : order) {
        Prompt prompt = row.view();
        Microtask task = Microtask.builder(prompt.task().kind())
            .id(prompt.id())
            .input(prompt)
            .outputType(Object.class)
            .features(features.get(row.id()))
            .build();
        Execution execution = exchange.execute(task, OutputCheck.acceptAll());
        double quality = replay.grade(prompt.id(), execution.answer().output());
        exchange.feedback(execution.decision().id(), Feedback.score(quality));
        replay.forget(prompt.id());
        Decision decision = execution.decision();
        ScoredBid winner = decision.winningBid().orElseThrow();
        outcomes.add(new Outcome(row.task(), row.train(), decision.winner(), winner.believedQuality(), quality,
            execution.totalCostUsd()));
      }
    }
    return outcomes;
  }
}
