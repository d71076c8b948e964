package dev.atomic.bench.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * RouterBench's kNN router, trained offline: for a test prompt, the {@code k} train prompts of the same task with the
 * closest question embeddings (cosine) predict each model's accuracy and cost; the model with the best
 * {@code predicted accuracy − λ·predicted cost} answers.
 *
 * <p>{@code k} is chosen on the train split alone, by {@value #FOLDS}-fold cross-validation: each train prompt is routed
 * from the neighbours outside its fold, and the {@code k} whose pooled cost-quality curve has the largest AIQ wins. A
 * fixed small {@code k} (RouterBench's 10) estimates each model's accuracy in steps of a tenth and left this baseline
 * weaker than a tuned kNN router; a baseline the exchange is compared with should be as strong as the train split
 * allows.
 */
final class KnnRouter {

  /** The neighbourhood sizes cross-validation chooses among. */
  static final List<Integer> K_CANDIDATES = List.of(5, 10, 20, 40, 80, 160, 320, 640, 1280);

  static final int FOLDS = 5;

  /** The cost weights that trace this router's curve and the hindsight baselines': 0, then 1 to 1,000 in tenths. */
  static final List<Double> COST_WEIGHTS = IntStream.rangeClosed(-1, 30)
      .mapToObj(i -> i < 0 ? 0.0 : Math.pow(10, i / 10.0)).toList();

  private final int k;
  private final List<RouterBenchRow> test;
  private final List<Votes> votes;
  private final List<String> models;

  /** What a row's neighbours say of each model (in the router's model order): right answers and cost, summed. */
  private record Votes(double[] right, double[] usd) {

    static Votes of(List<RouterBenchRow> neighbours, List<String> models) {
      return sums(neighbours, models, List.of(neighbours.size())).getFirst();
    }

    /** The votes of the first {@code k} neighbours, for each {@code k} (ascending), in one pass over them. */
    static List<Votes> sums(List<RouterBenchRow> neighbours, List<String> models, List<Integer> ks) {
      List<Votes> out = new ArrayList<>(ks.size());
      double[] right = new double[models.size()];
      double[] usd = new double[models.size()];
      int taken = 0;
      for (int k : ks) {
        for (; taken < Math.min(k, neighbours.size()); taken++) {
          RouterBenchRow n = neighbours.get(taken);
          for (int m = 0; m < models.size(); m++) {
            right[m] += n.correct(models.get(m)) ? 1 : 0;
            usd[m] += n.cost(models.get(m));
          }
        }
        out.add(new Votes(right.clone(), usd.clone()));
      }
      return out;
    }

    /** The model with the best predicted accuracy − λ·cost; the first in model order on a tie. */
    int best(double costWeight) {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int m = 0; m < right.length; m++) {
        double score = right[m] - costWeight * usd[m];
        if (score > bestScore) {
          bestScore = score;
          best = m;
        }
      }
      return best;
    }
  }

  private KnnRouter(int k, List<RouterBenchRow> test, List<Votes> votes, List<String> models) {
    this.k = k;
    this.test = test;
    this.votes = votes;
    this.models = models;
  }

  /** Chooses {@code k} on the train rows, then finds the neighbours of every test row among them. */
  static KnnRouter train(List<RouterBenchRow> rows, QuestionFeatures features, List<String> models) {
    List<RouterBenchRow> train = rows.stream().filter(RouterBenchRow::train).toList();
    List<RouterBenchRow> test = rows.stream().filter(r -> !r.train()).toList();
    if (train.size() < FOLDS || test.isEmpty()) {
      throw new IllegalArgumentException("the kNN router needs train and test rows, has " + train.size() + " and "
          + test.size());
    }
    int k = chooseK(train, features, models);
    List<Votes> votes = test.stream().map(q -> Votes.of(nearest(q, train, features, k), models)).toList();
    return new KnnRouter(k, test, votes, models);
  }

  /** The candidate {@code k} with the best cross-validated AIQ on the train rows (the smaller on a tie). */
  static int chooseK(List<RouterBenchRow> train, QuestionFeatures features, List<String> models) {
    List<List<RouterBenchRow>> folds = new ArrayList<>();
    for (int f = 0; f < FOLDS; f++) {
      int fold = f;
      folds.add(IntStream.range(0, train.size()).filter(j -> j % FOLDS != fold).mapToObj(train::get).toList());
    }
    // For each held-out row, its neighbours' votes at every candidate k, from one sorted pass.
    List<List<Votes>> heldOut = new ArrayList<>(train.size());
    for (int i = 0; i < train.size(); i++) {
      List<RouterBenchRow> near = nearest(train.get(i), folds.get(i % FOLDS), features, K_CANDIDATES.getLast());
      heldOut.add(Votes.sums(near, models, K_CANDIDATES));
    }
    double from = Double.POSITIVE_INFINITY;
    double to = 0;
    for (String m : models) {
      double cost = Baselines.single(train, m).cost();
      from = Math.min(from, cost);
      to = Math.max(to, cost);
    }
    int best = K_CANDIDATES.getFirst();
    double bestAiq = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < K_CANDIDATES.size(); c++) {
      int candidate = c;
      List<Votes> atK = heldOut.stream().map(v -> v.get(candidate)).toList();
      List<CostQuality.Point> curve = COST_WEIGHTS.stream().map(w -> route(train, atK, models, w)).toList();
      double aiq = CostQuality.aiq(CostQuality.hull(curve), from, to);
      if (aiq > bestAiq) {
        bestAiq = aiq;
        best = K_CANDIDATES.get(c);
      }
    }
    return best;
  }

  /** The {@code k} rows of the query's task most similar to it, most similar first. */
  private static List<RouterBenchRow> nearest(RouterBenchRow q, List<RouterBenchRow> pool, QuestionFeatures features,
      int k) {
    float[] v = features.embedding(q.id());
    record Scored(RouterBenchRow row, double similarity) {}
    return pool.stream()
        .filter(t -> t.task() == q.task())
        .map(t -> new Scored(t, dot(v, features.embedding(t.id()))))
        .sorted(Comparator.comparingDouble(Scored::similarity).reversed())
        .limit(k)
        .map(Scored::row)
        .toList();
  }

  /** The neighbourhood size cross-validation chose. */
  int k() {
    return k;
  }

  List<RouterBenchRow> testRows() {
    return test;
  }

  /** Routes every test row with the given cost weight; accuracy and mean cost on the test rows. */
  CostQuality.Point route(double costWeight) {
    return route(test, votes, models, costWeight);
  }

  private static CostQuality.Point route(List<RouterBenchRow> rows, List<Votes> votes, List<String> models,
      double costWeight) {
    double right = 0;
    double cost = 0;
    for (int i = 0; i < rows.size(); i++) {
      String best = models.get(votes.get(i).best(costWeight));
      RouterBenchRow r = rows.get(i);
      right += r.correct(best) ? 1 : 0;
      cost += r.cost(best);
    }
    return new CostQuality.Point(cost / rows.size(), right / rows.size());
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
