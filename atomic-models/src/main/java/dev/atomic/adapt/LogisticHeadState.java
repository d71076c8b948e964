package dev.atomic.adapt;

import java.util.List;

/**
 * Everything a logistic head has learned, as plain values the store can persist as JSON.
 *
 * @param dimension embedding dimension
 * @param learningRate AdaGrad's base step
 * @param minLabels labels needed before it bids
 * @param maxClasses class cap
 * @param classes class names, in the order of the weight rows
 * @param weights one row of {@code dimension + 1} weights (the last is the bias) per class, concatenated
 * @param squaredGradients AdaGrad's sums of squared gradients, same shape as {@code weights}
 * @param labelsSeen labels learned so far
 */
public record LogisticHeadState(
    int dimension,
    double learningRate,
    int minLabels,
    int maxClasses,
    List<String> classes,
    double[] weights,
    double[] squaredGradients,
    long labelsSeen) {

  public LogisticHeadState {
    classes = List.copyOf(classes);
    int expected = classes.size() * (dimension + 1);
    if (weights.length != expected || squaredGradients.length != expected) {
      throw new IllegalArgumentException("logistic head state is inconsistent: " + classes.size() + " classes x "
          + (dimension + 1) + " = " + expected + " expected, has " + weights.length + " weights and "
          + squaredGradients.length + " squared gradients");
    }
  }
}
