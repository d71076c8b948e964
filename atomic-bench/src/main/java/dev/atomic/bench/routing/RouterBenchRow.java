package dev.atomic.bench.routing;

import java.util.Map;
import java.util.Objects;

/**
 * One prompt of the data with what every model answered, whether it was right and what it cost. Only the replay reads
 * the outcome fields; routers see a {@link Prompt}.
 *
 * @param id the sample id
 * @param task which benchmark the prompt comes from
 * @param train whether the prompt is in the {@code train} split (else {@code test})
 * @param prompt the exact prompt every model was sent
 * @param correct model to 1.0 (right) or 0.0 (wrong)
 * @param costUsd model to what the call cost
 * @param response model to the raw text it answered
 */
record RouterBenchRow(
    String id,
    Task task,
    boolean train,
    String prompt,
    Map<String, Double> correct,
    Map<String, Double> costUsd,
    Map<String, String> response) {

  RouterBenchRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(prompt, "prompt");
    correct = Map.copyOf(correct);
    costUsd = Map.copyOf(costUsd);
    response = Map.copyOf(response);
  }

  /** What a router may see of this row: the prompt, never an outcome. */
  Prompt view() {
    return Prompt.of(id, task, prompt);
  }

  boolean correct(String model) {
    return correct.get(model) == 1.0;
  }

  double cost(String model) {
    return costUsd.get(model);
  }
}
