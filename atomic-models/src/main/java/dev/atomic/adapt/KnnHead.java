package dev.atomic.adapt;

import java.util.Optional;

/**
 * A k-nearest-neighbour classifier over the most recent labelled embeddings, kept quantised in a {@link VectorRing}.
 *
 * <p>Why kNN beside the logistic head: on sentence embeddings, one pass of nearest neighbour beats one pass of online
 * logistic regression on many-class problems (BANKING77: 91.5% against 89.4%), learns a new class from one example,
 * and makes different mistakes, which is what an agreement cascade needs. The vote weighs each neighbour by
 * {@code exp((similarity - best) / temperature)}, so the probability is the weight share of the winning class: close to 1
 * when the near neighbours agree, lower when a close one disagrees.
 */
final class KnnHead implements ClassifierHead {

  private final int neighbours;
  private final double temperature;
  private final int minLabels;
  private final Labels labels;
  private final VectorRing ring;
  private final int[] slotLabels;
  private long labelsSeen;

  KnnHead(int dimension, int capacity, int neighbours, double temperature, int minLabels, int maxClasses) {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be at least 1, was " + neighbours);
    }
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a finite number > 0, was " + temperature);
    }
    if (minLabels < 1) {
      throw new IllegalArgumentException("minLabels must be at least 1, was " + minLabels);
    }
    this.neighbours = neighbours;
    this.temperature = temperature;
    this.minLabels = minLabels;
    this.labels = new Labels(maxClasses);
    this.ring = new VectorRing(dimension, capacity);
    this.slotLabels = new int[capacity];
  }

  private KnnHead(KnnHeadState s, VectorRing ring) {
    this.neighbours = s.neighbours();
    this.temperature = s.temperature();
    this.minLabels = s.minLabels();
    this.labels = Labels.restore(s.maxClasses(), s.classes());
    this.ring = ring;
    this.slotLabels = s.slotLabels().clone();
    this.labelsSeen = s.labelsSeen();
    for (int i = 0; i < s.size(); i++) {
      if (slotLabels[i] < 0 || slotLabels[i] >= labels.size()) {
        throw new IllegalArgumentException("knn head state: slot " + i + " has class number " + slotLabels[i]
            + " but there are " + labels.size() + " classes");
      }
    }
  }

  static KnnHead restore(KnnHeadState s) {
    // Validate the scalar settings the same way a new head does.
    new KnnHead(1, 1, s.neighbours(), s.temperature(), s.minLabels(), s.maxClasses());
    VectorRing ring = VectorRing.restore(s.dimension(), s.capacity(), s.codes(), s.scales(), s.size(), s.next());
    return new KnnHead(s, ring);
  }

  synchronized KnnHeadState state() {
    return new KnnHeadState(ring.dimension(), ring.capacity(), neighbours, temperature, minLabels, labels.max(),
        labels.names(), ring.codesCopy(), ring.scalesCopy(), slotLabels.clone(), ring.size(), ring.next(), labelsSeen);
  }

  @Override
  public synchronized Optional<Prediction> predict(float[] x) {
    if (x.length != ring.dimension()) {
      throw new IllegalArgumentException("embedding has dimension " + x.length + ", this head expects "
          + ring.dimension());
    }
    if (labelsSeen < minLabels || labels.size() < 2) {
      return Optional.empty();
    }
    double[] sims = new double[neighbours];
    int[] slots = ring.nearest(x, neighbours, sims);
    if (slots.length == 0) {
      return Optional.empty();
    }
    double[] votes = new double[labels.size()];
    double total = 0;
    for (int j = 0; j < slots.length; j++) {
      double w = Math.exp((sims[j] - sims[0]) / temperature);
      votes[slotLabels[slots[j]]] += w;
      total += w;
    }
    int best = 0;
    for (int k = 1; k < votes.length; k++) {
      if (votes[k] > votes[best]) {
        best = k;
      }
    }
    return Optional.of(new Prediction(labels.name(best), Math.clamp(votes[best] / total, 0, 1)));
  }

  @Override
  public synchronized boolean learn(float[] x, String label) {
    int k = labels.intern(label);
    if (k < 0) {
      return false;
    }
    slotLabels[ring.add(x)] = k;
    labelsSeen++;
    return true;
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
    return ring.bytes() + (long) Integer.BYTES * slotLabels.length;
  }
}
