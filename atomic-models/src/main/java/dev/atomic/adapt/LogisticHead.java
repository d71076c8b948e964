package dev.atomic.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Multinomial logistic regression learned online, one AdaGrad step per label.
 *
 * <p>Why AdaGrad: every coordinate gets its own step that shrinks with the gradient it has seen, so the head learns fast
 * from the first labels and settles as they accumulate, with no schedule to tune per data set; and a class that appears
 * late starts with large steps of its own. Memory is two {@code double} rows of {@code dimension + 1} per class.
 */
final class LogisticHead implements ClassifierHead {

  private static final double EPSILON = 1e-8;

  private final int dimension;
  private final double learningRate;
  private final int minLabels;
  private final Labels labels;
  private final List<double[]> weights = new ArrayList<>();
  private final List<double[]> squares = new ArrayList<>();
  private long labelsSeen;

  LogisticHead(int dimension, double learningRate, int minLabels, int maxClasses) {
    if (dimension < 1) {
      throw new IllegalArgumentException("embedding dimension must be at least 1, was " + dimension);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be a finite number > 0, was " + learningRate);
    }
    if (minLabels < 1) {
      throw new IllegalArgumentException("minLabels must be at least 1, was " + minLabels);
    }
    this.dimension = dimension;
    this.learningRate = learningRate;
    this.minLabels = minLabels;
    this.labels = new Labels(maxClasses);
  }

  static LogisticHead restore(LogisticHeadState s) {
    LogisticHead head = new LogisticHead(s.dimension(), s.learningRate(), s.minLabels(), s.maxClasses());
    Labels restored = Labels.restore(s.maxClasses(), s.classes());
    int row = s.dimension() + 1;
    for (int k = 0; k < restored.size(); k++) {
      head.labels.intern(restored.name(k));
      head.weights.add(java.util.Arrays.copyOfRange(s.weights(), k * row, (k + 1) * row));
      head.squares.add(java.util.Arrays.copyOfRange(s.squaredGradients(), k * row, (k + 1) * row));
    }
    head.labelsSeen = s.labelsSeen();
    return head;
  }

  synchronized LogisticHeadState state() {
    int row = dimension + 1;
    double[] w = new double[weights.size() * row];
    double[] g = new double[squares.size() * row];
    for (int k = 0; k < weights.size(); k++) {
      System.arraycopy(weights.get(k), 0, w, k * row, row);
      System.arraycopy(squares.get(k), 0, g, k * row, row);
    }
    return new LogisticHeadState(dimension, learningRate, minLabels, labels.max(), labels.names(), w, g, labelsSeen);
  }

  @Override
  public synchronized Optional<Prediction> predict(float[] x) {
    check(x);
    if (labelsSeen < minLabels || labels.size() < 2) {
      return Optional.empty();
    }
    double[] p = probabilities(x);
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return Optional.of(new Prediction(labels.name(best), Math.clamp(p[best], 0, 1)));
  }

  @Override
  public synchronized boolean learn(float[] x, String label) {
    check(x);
    int target = labels.intern(label);
    if (target < 0) {
      return false;
    }
    if (target == weights.size()) {
      weights.add(new double[dimension + 1]);
      squares.add(new double[dimension + 1]);
    }
    double[] p = probabilities(x);
    // Gradient of the cross-entropy for class k is (p_k - y_k) * [x, 1]; AdaGrad scales each coordinate's step.
    for (int k = 0; k < p.length; k++) {
      double error = p[k] - (k == target ? 1 : 0);
      double[] w = weights.get(k);
      double[] g2 = squares.get(k);
      for (int i = 0; i <= dimension; i++) {
        double grad = error * (i < dimension ? x[i] : 1.0);
        g2[i] += grad * grad;
        w[i] -= learningRate * grad / (Math.sqrt(g2[i]) + EPSILON);
      }
    }
    labelsSeen++;
    return true;
  }

  private double[] probabilities(float[] x) {
    int n = weights.size();
    double[] z = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      double[] w = weights.get(k);
      double s = w[dimension];
      for (int i = 0; i < dimension; i++) {
        s += w[i] * x[i];
      }
      z[k] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < n; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < n; k++) {
      z[k] /= sum;
    }
    return z;
  }

  private void check(float[] x) {
    if (x.length != dimension) {
      throw new IllegalArgumentException("embedding has dimension " + x.length + ", this head expects " + dimension);
    }
  }

  @Override
  public synchronized long labelsSeen() {
    return labelsSeen;
  }

  @Override
  public synchronized int classes() {
    return labels.size();
  }

  @Override
  public synchronized long memoryBytes() {
    return 2L * weights.size() * (dimension + 1) * Double.BYTES;
  }
}
