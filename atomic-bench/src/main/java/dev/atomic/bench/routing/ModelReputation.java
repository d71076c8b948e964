package dev.atomic.bench.routing;

import java.util.Map;

/**
 * A model's published reputation before any call: its MMLU score (5-shot) as its makers or the model's paper published
 * it, read as the chance of a right answer. A real-world input a deployer has on day one, not an outcome of this data;
 * used as the quality claim of a replay bidder when a variant says so, in place of the flat claim. The exchange still
 * learns each model's real rate per task kind; the claim only sets where that learning starts.
 *
 * <p>Sources: GPT-4 86.4 and GPT-3.5 70.0 (OpenAI, GPT-4 Technical Report, 2023); Claude 2 78.5, Claude 1.3 77.0 and
 * Claude Instant 1.1 73.4 (Anthropic, Claude 2 model card, 2023); Yi-34B 76.3 (01.AI, Yi model card); Mixtral 8x7B 70.6
 * (Jiang et al., Mixtral of Experts, 2024); Llama 2 70B 68.9 (Touvron et al., Llama 2, 2023); Mistral 7B 60.1 (Jiang et
 * al., Mistral 7B, 2023); WizardLM-13B-V1.2 52.7 (WizardLM model card). Code Llama's paper publishes no MMLU, so it
 * keeps the flat claim. The chat variants in the data may score a little differently from the reported models.
 */
final class ModelReputation {

  static final Map<String, Double> MMLU = Map.of(
      "gpt-4-1106-preview", 0.864,
      "gpt-3.5-turbo-1106", 0.700,
      "claude-v2", 0.785,
      "claude-v1", 0.770,
      "claude-instant-v1", 0.734,
      "zero-one-ai/Yi-34B-Chat", 0.763,
      "mistralai/mixtral-8x7b-chat", 0.706,
      "meta/llama-2-70b-chat", 0.689,
      "mistralai/mistral-7b-chat", 0.601,
      "WizardLM/WizardLM-13B-V1.2", 0.527);

  private ModelReputation() {}

  /** The claim of a model: its published score, or the flat claim when none is published. */
  static double claim(String model) {
    return MMLU.getOrDefault(model, ReplayBidder.FLAT_CLAIM);
  }
}
