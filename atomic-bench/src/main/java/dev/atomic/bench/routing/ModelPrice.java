package dev.atomic.bench.routing;

import dev.atomic.AtomicException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A model's public list price, the only thing a replay bidder knows before it is called. Prices are the providers'
 * published per-token prices at the time RouterBench was recorded (OpenAI, Anthropic, and Together AI for the open
 * models); they are not read from the data.
 *
 * @param model the model id as the data names it
 * @param vendor who serves it
 * @param inputUsdPerMillion USD per million prompt tokens
 * @param outputUsdPerMillion USD per million completion tokens
 */
record ModelPrice(String model, String vendor, double inputUsdPerMillion, double outputUsdPerMillion) {

  /** The published prices of the eleven RouterBench models. */
  static final List<ModelPrice> LIST = List.of(
      new ModelPrice("gpt-4-1106-preview", "openai", 10, 30),
      new ModelPrice("gpt-3.5-turbo-1106", "openai", 1, 2),
      new ModelPrice("claude-v2", "anthropic", 8, 24),
      new ModelPrice("claude-v1", "anthropic", 8, 24),
      new ModelPrice("claude-instant-v1", "anthropic", 0.8, 2.4),
      new ModelPrice("meta/llama-2-70b-chat", "together", 0.9, 0.9),
      new ModelPrice("meta/code-llama-instruct-34b-chat", "together", 0.776, 0.776),
      new ModelPrice("zero-one-ai/Yi-34B-Chat", "together", 0.8, 0.8),
      new ModelPrice("mistralai/mixtral-8x7b-chat", "together", 0.6, 0.6),
      new ModelPrice("WizardLM/WizardLM-13B-V1.2", "together", 0.3, 0.3),
      new ModelPrice("mistralai/mistral-7b-chat", "together", 0.2, 0.2));

  /** Completion length expected before any call: a choice letter, or a short function with some prose. */
  static int expectedOutputTokens(Task task) {
    return task.multipleChoice() ? 2 : 250;
  }

  /** The list-price cost of a call with this many prompt tokens and the task's expected completion length. */
  double estimateUsd(int promptTokens, Task task) {
    return (promptTokens * inputUsdPerMillion + expectedOutputTokens(task) * outputUsdPerMillion) / 1e6;
  }

  /** The price of every model the data covers; fails when one has no published price here. */
  static List<ModelPrice> forModels(List<String> models) {
    Map<String, ModelPrice> byModel = LIST.stream().collect(Collectors.toMap(ModelPrice::model, Function.identity()));
    return models.stream().map(m -> {
      ModelPrice p = byModel.get(m);
      if (p == null) {
        throw new AtomicException("model '" + m + "' in the data has no list price; known: " + byModel.keySet());
      }
      return p;
    }).toList();
  }

  /** Cheapest first, by the price of a typical few-shot multiple-choice call (1,000 prompt tokens). */
  static Comparator<ModelPrice> cheapestFirst() {
    return Comparator.comparingDouble((ModelPrice p) -> p.estimateUsd(1000, Task.ARC)).thenComparing(ModelPrice::model);
  }
}
