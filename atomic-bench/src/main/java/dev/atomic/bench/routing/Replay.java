package dev.atomic.bench.routing;

import dev.atomic.AtomicException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The recorded world of one routing stream: what each model answered, and what it cost, revealed only for the calls a
 * router actually makes (bandit feedback, as in production). It keeps a log of those calls, and grades an answer only
 * from the outcomes of models that were called for that prompt; asking for the outcome of a model not called throws.
 *
 * <p>Thread-safe: a cascade calls its first stage's models concurrently.
 */
final class Replay {

  /** What one call returned: the normalised output (a choice letter, or the raw text) and what it cost. */
  record Call(String model, Object output, double costUsd) {}

  /** A choice letter read from a multiple-choice answer; two models agree when their choices are equal. */
  record Choice(String letter) {}

  private final Map<String, RouterBenchRow> rows;
  private final Map<String, List<Call>> calls = new ConcurrentHashMap<>();

  Replay(List<RouterBenchRow> rows) {
    this.rows = rows.stream().collect(Collectors.toUnmodifiableMap(RouterBenchRow::id, Function.identity()));
  }

  /** Serves a prompt by a model: records the call and returns the model's recorded answer and cost. */
  Call serve(String model, Prompt prompt) {
    RouterBenchRow row = row(prompt.id());
    String response = row.response().get(model);
    if (response == null) {
      throw new AtomicException("model '" + model + "' has no recorded answer for prompt " + prompt.id());
    }
    Call call = new Call(model, normalise(row.task(), response, prompt.question()), row.cost(model));
    calls.computeIfAbsent(prompt.id(), id -> java.util.Collections.synchronizedList(new ArrayList<>())).add(call);
    return call;
  }

  /** The normalised output: the chosen letter for multiple choice (or the raw text when none), the code otherwise. */
  static Object normalise(Task task, String response, String question) {
    if (!task.multipleChoice()) {
      return response;
    }
    return ChoiceParser.choice(response, question).<Object>map(Choice::new).orElse(response);
  }

  /** Whether the model was called for the prompt. */
  boolean called(String promptId, String model) {
    List<Call> made = calls.getOrDefault(promptId, List.of());
    synchronized (made) {
      return made.stream().anyMatch(c -> c.model().equals(model));
    }
  }

  /** Whether a called model's answer to the prompt was right; throws for a model that was not called. */
  boolean outcome(String promptId, String model) {
    if (!called(promptId, model)) {
      throw new AtomicException("model '" + model + "' was not called for prompt " + promptId
          + "; its outcome is not revealed");
    }
    return row(promptId).correct(model);
  }

  /**
   * Grades the output returned for a prompt: 1 when it is right, from the outcome of a called model that gave this very
   * output (two models giving the same choice letter are both right or both wrong), the mean if several did.
   */
  double grade(String promptId, Object output) {
    List<Call> made = List.copyOf(calls.getOrDefault(promptId, List.of()));
    double sum = 0;
    int n = 0;
    for (Call c : made) {
      if (Objects.equals(c.output(), output)) {
        sum += outcome(promptId, c.model()) ? 1 : 0;
        n++;
      }
    }
    if (n == 0) {
      throw new AtomicException("output for prompt " + promptId + " was given by no model called for it");
    }
    return sum / n;
  }

  /** The calls made for a prompt, in the order they completed. */
  List<Call> calls(String promptId) {
    List<Call> made = calls.getOrDefault(promptId, List.of());
    synchronized (made) {
      return List.copyOf(made);
    }
  }

  /** Forgets the calls of a graded prompt. */
  void forget(String promptId) {
    calls.remove(promptId);
  }

  private RouterBenchRow row(String promptId) {
    RouterBenchRow row = rows.get(promptId);
    if (row == null) {
      throw new AtomicException("no recorded prompt with id " + promptId);
    }
    return row;
  }
}
