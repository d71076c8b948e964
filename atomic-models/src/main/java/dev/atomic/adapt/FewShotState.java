package dev.atomic.adapt;

import java.util.List;

/**
 * The stored examples of one microtask kind, as plain values the store can persist as JSON.
 *
 * @param kind the microtask kind
 * @param dimension embedding dimension
 * @param capacity how many examples it keeps at most
 * @param inputs each slot's input text
 * @param outputs each slot's output text
 * @param codes the quantised embeddings, {@code dimension} bytes per slot
 * @param scales each slot's quantisation scale
 * @param next the slot the next example goes to (the oldest, once full)
 */
public record FewShotState(
    String kind, int dimension, int capacity, List<String> inputs, List<String> outputs, byte[] codes, float[] scales,
    int next) {

  public FewShotState {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (inputs.size() != outputs.size() || inputs.size() > capacity) {
      throw new IllegalArgumentException("few-shot state is inconsistent: " + inputs.size() + " inputs, "
          + outputs.size() + " outputs, capacity " + capacity);
    }
  }
}
