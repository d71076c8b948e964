package dev.atomic.bench.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made rows for tests. */
final class Rows {

  static final String QUESTION = "Which is a metal?\nA) wood\nB) iron\nC) glass\nAnswer:";

  private Rows() {}

  /** A multiple-choice row: each model's answer, whether right, and cost, as {@code model, answer, right, cost}. */
  static RouterBenchRow arc(String id, boolean train, Object... answers) {
    Map<String, Double> correct = new LinkedHashMap<>();
    Map<String, Double> cost = new LinkedHashMap<>();
    Map<String, String> response = new LinkedHashMap<>();
    for (int i = 0; i < answers.length; i += 4) {
      String model = (String) answers[i];
      response.put(model, (String) answers[i + 1]);
      correct.put(model, (Boolean) answers[i + 2] ? 1.0 : 0.0);
      cost.put(model, (Double) answers[i + 3]);
    }
    return new RouterBenchRow(id, Task.ARC, train, "Example?\nA) x\nB) y\nAnswer:\nA\n\n" + QUESTION, correct, cost,
        response);
  }

  static List<String> jsonl(String... lines) {
    return List.of(lines);
  }
}
