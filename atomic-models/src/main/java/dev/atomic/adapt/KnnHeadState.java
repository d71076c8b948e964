package dev.atomic.adapt;

import java.util.List;

/**
 * Everything a nearest-neighbour head has learned, as plain values the store can persist as JSON.
 *
 * @param dimension embedding dimension
 * @param capacity how many examples it keeps at most
 * @param neighbours how many neighbours vote
 * @param temperature softness of the similarity-weighted vote
 * @param minLabels labels needed before it bids
 * @param maxClasses class cap
 * @param classes class names, numbered by position
 * @param codes the stored examples' quantised vectors, {@code dimension} bytes each, by slot
 * @param scales each slot's quantisation scale
 * @param slotLabels each slot's class number
 * @param size how many slots are filled
 * @param next the slot the next example goes to (the oldest, once full)
 * @param labelsSeen labels learned so far
 */
public record KnnHeadState(
    int dimension,
    int capacity,
    int neighbours,
    double temperature,
    int minLabels,
    int maxClasses,
    List<String> classes,
    byte[] codes,
    float[] scales,
    int[] slotLabels,
    int size,
    int next,
    long labelsSeen) {

  public KnnHeadState {
    classes = List.copyOf(classes);
    if (slotLabels.length != capacity) {
      throw new IllegalArgumentException("knn head state has " + slotLabels.length + " slot labels for capacity "
          + capacity);
    }
  }
}
