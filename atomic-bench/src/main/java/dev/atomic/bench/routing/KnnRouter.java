package dev.atomic.bench.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * RouterBench's kNN router, trained offline: for a test prompt, the {@value #K} train prompts of the same task with the
 * closest question embeddings (cosine) predict each model's accuracy and cost; the model with the best
 * {@code predicted accuracy − λ·predicted cost} answers.
 */
final class KnnRouter {

  static final int K = 10;

  private final List<RouterBenchRow> test;
  private final List<List<RouterBenchRow>> neighbours;
  private final List<String> models;

  private KnnRouter(List<RouterBenchRow> test, List<List<RouterBenchRow>> neighbours, List<String> models) {
    this.test = test;
    this.neighbours = neighbours;
    this.models = models;
  }

  /** Finds the neighbours of every test row among the train rows of its task. */
  static KnnRouter train(List<RouterBenchRow> rows, QuestionFeatures features, List<String> models) {
    List<RouterBenchRow> train = rows.stream().filter(RouterBenchRow::train).toList();
    List<RouterBenchRow> test = rows.stream().filter(r -> !r.train()).toList();
    if (train.isEmpty() || test.isEmpty()) {
      throw new IllegalArgumentException("the kNN router needs train and test rows, has " + train.size() + " and "
          + test.size());
    }
    List<List<RouterBenchRow>> neighbours = new ArrayList<>(test.size());
    for (RouterBenchRow q : test) {
      float[] v = features.embedding(q.id());
      record Scored(RouterBenchRow row, double similarity) {}
      PriorityQueue<Scored> nearest = new PriorityQueue<>((a, b) -> Double.compare(a.similarity, b.similarity));
      for (RouterBenchRow t : train) {
        if (t.task() != q.task()) {
          continue;
        }
        double s = dot(v, features.embedding(t.id()));
        if (nearest.size() < K) {
          nearest.add(new Scored(t, s));
        } else if (s > nearest.peek().similarity) {
          nearest.poll();
          nearest.add(new Scored(t, s));
        }
      }
      neighbours.add(nearest.stream().map(Scored::row).toList());
    }
    return new KnnRouter(test, neighbours, models);
  }

  List<RouterBenchRow> testRows() {
    return test;
  }

  /** Routes every test row with the given cost weight; accuracy and mean cost on the test rows. */
  CostQuality.Point route(double costWeight) {
    double right = 0;
    double cost = 0;
    for (int i = 0; i < test.size(); i++) {
      List<RouterBenchRow> near = neighbours.get(i);
      String best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (String m : models) {
        double acc = 0;
        double usd = 0;
        for (RouterBenchRow n : near) {
          acc += n.correct(m) ? 1 : 0;
          usd += n.cost(m);
        }
        double score = (acc - costWeight * usd) / near.size();
        if (score > bestScore) {
          bestScore = score;
          best = m;
        }
      }
      RouterBenchRow r = test.get(i);
      right += r.correct(best) ? 1 : 0;
      cost += r.cost(best);
    }
    return new CostQuality.Point(cost / test.size(), right / test.size());
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
