package dev.atomic.bench.routing;

import dev.atomic.bidding.Answer;
import dev.atomic.exchange.Cascade;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ceiling of a router without context: every arm the exchange is offered (each model, each declared cascade) played
 * on every prompt of a task kind, in hindsight, and the cheapest assignment of one fixed arm per kind that reaches an
 * accuracy. A cascade is replayed as the exchange serves it: a stage's recorded answers, read like the replay reads
 * them, go to the cascade's own verifier. A yardstick that reads every outcome, never a router under test.
 */
final class HindsightArms {

  /** One arm's figures on one kind's prompts. */
  record ArmPoint(String arm, double cost, double accuracy) {}

  /** The cheapest fixed arm per kind reaching the accuracy, and its figures over all the rows. */
  record Assignment(Map<Task, String> arms, CostQuality.Point point) {}

  /**
   * The ceiling on some rows: the cheapest fixed arm per kind reaching a share of GPT-4's accuracy on those rows.
   *
   * @param rows which rows ("train split", "all rows")
   * @param share the share of GPT-4's accuracy aimed at
   * @param gpt4 GPT-4 alone on those rows
   * @param assignment the cheapest assignment reaching it; empty when no fixed assignment does
   */
  record Ceiling(String rows, double share, CostQuality.Point gpt4, Optional<Assignment> assignment) {

    static Ceiling of(String name, List<RouterBenchRow> rows, List<String> models, List<Cascade> cascades,
        double share) {
      CostQuality.Point gpt4 = Baselines.single(rows, RoutingResults.GPT4);
      return new Ceiling(name, share, gpt4, cheapestReaching(rows, models, cascades, share * gpt4.accuracy()));
    }

    /** One line: the target, and the cost (% of GPT-4's) and accuracy of the cheapest assignment, with its arms. */
    String describe() {
      String target = String.format(java.util.Locale.ROOT, "%s, %.0f%% of GPT-4's accuracy (%.3f)", rows,
          100 * share, share * gpt4.accuracy());
      return assignment.map(a -> String.format(java.util.Locale.ROOT, "%s: %.1f%% of GPT-4's cost at %.3f, with %s",
          target, 100 * a.point().cost() / gpt4.cost(), a.point().accuracy(), describe(a.arms())))
          .orElse(target + ": no fixed arm per kind reaches it");
    }

    private static String describe(Map<Task, String> arms) {
      return String.join("; ", arms.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .map(e -> e.getKey().kind() + " -> " + e.getValue()).toList());
    }
  }

  private HindsightArms() {}

  /** Each arm's (cost, accuracy) on each kind's rows, the arms no other beats on both, cheapest first. */
  static Map<Task, List<ArmPoint>> frontier(List<RouterBenchRow> rows, List<String> models, List<Cascade> cascades) {
    Map<Task, List<ArmPoint>> frontier = new EnumMap<>(Task.class);
    for (Task task : Task.values()) {
      List<RouterBenchRow> of = rows.stream().filter(r -> r.task() == task).toList();
      if (of.isEmpty()) {
        continue;
      }
      List<ArmPoint> points = new ArrayList<>();
      for (String m : models) {
        CostQuality.Point p = Baselines.single(of, m);
        points.add(new ArmPoint(m, p.cost(), p.accuracy()));
      }
      for (Cascade c : cascades) {
        if (c.kinds().isEmpty() || c.kinds().contains(task.kind())) {
          points.add(cascade(of, task, c));
        }
      }
      points.sort(Comparator.comparingDouble(ArmPoint::cost));
      List<ArmPoint> undominated = new ArrayList<>();
      for (ArmPoint p : points) {
        if (undominated.isEmpty() || p.accuracy() > undominated.getLast().accuracy()) {
          undominated.add(p);
        }
      }
      frontier.put(task, List.copyOf(undominated));
    }
    return frontier;
  }

  /** The cheapest choice of one arm per kind whose accuracy over all the rows reaches {@code accuracy}, if any. */
  static Optional<Assignment> cheapestReaching(List<RouterBenchRow> rows, List<String> models, List<Cascade> cascades,
      double accuracy) {
    Map<Task, List<ArmPoint>> frontier = frontier(rows, models, cascades);
    Map<Task, Long> counts = new EnumMap<>(Task.class);
    rows.forEach(r -> counts.merge(r.task(), 1L, Long::sum));
    List<Task> tasks = List.copyOf(frontier.keySet());
    Assignment[] best = {null};
    search(tasks, 0, frontier, counts, rows.size(), new EnumMap<>(Task.class), 0, 0, accuracy, best);
    return Optional.ofNullable(best[0]);
  }

  private static void search(List<Task> tasks, int i, Map<Task, List<ArmPoint>> frontier, Map<Task, Long> counts,
      int n, Map<Task, String> chosen, double cost, double right, double target, Assignment[] best) {
    if (i == tasks.size()) {
      if (right / n >= target && (best[0] == null || cost / n < best[0].point().cost())) {
        best[0] = new Assignment(Map.copyOf(chosen), new CostQuality.Point(cost / n, right / n));
      }
      return;
    }
    Task task = tasks.get(i);
    for (ArmPoint p : frontier.get(task)) {
      chosen.put(task, p.arm());
      long k = counts.get(task);
      search(tasks, i + 1, frontier, counts, n, chosen, cost + k * p.cost(), right + k * p.accuracy(), target, best);
    }
    chosen.remove(task);
  }

  private static ArmPoint cascade(List<RouterBenchRow> rows, Task task, Cascade cascade) {
    double right = 0;
    double cost = 0;
    for (RouterBenchRow row : rows) {
      Prompt prompt = row.view();
      Microtask microtask = Microtask.builder(task.kind()).id(prompt.id()).input(prompt).build();
      for (int s = 0; s < cascade.stages().size(); s++) {
        List<String> stage = cascade.stages().get(s);
        List<Answer> answers = new ArrayList<>();
        for (String m : stage) {
          cost += row.cost(m);
          answers.add(new Answer(Replay.normalise(task, row.response().get(m), prompt.question()), row.cost(m),
              Duration.ZERO, Double.NaN));
        }
        boolean last = s == cascade.stages().size() - 1;
        if (last || cascade.verifier().accept(microtask, answers)) {
          // As CascadeRun serves it: a verified stage returns the answer its verifier names, a last stage its first.
          int returned = last ? 0 : cascade.verifier().returned(microtask, answers);
          right += row.correct(stage.get(returned)) ? 1 : 0;
          break;
        }
      }
    }
    return new ArmPoint(cascade.id(), cost / rows.size(), right / rows.size());
  }
}
