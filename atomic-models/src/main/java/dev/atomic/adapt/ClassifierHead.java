package dev.atomic.adapt;

import java.util.Optional;

/**
 * An online classifier over frozen embeddings: it predicts from what it has learned so far and learns from each label as
 * it arrives, with no retraining pass. Implementations are thread-safe and bounded in memory.
 */
sealed interface ClassifierHead permits LogisticHead, KnnHead {

  /** The most likely label, or empty while the head has seen too few labels to be worth asking. */
  Optional<Prediction> predict(float[] embedding);

  /** Learns one labelled example; returns false when the label is a new class beyond the class cap. */
  boolean learn(float[] embedding, String label);

  /** How many labels the head has learned from. */
  long labelsSeen();

  /** How many classes it knows. */
  int classes();

  /** An upper estimate of the bytes its learned state holds: the sizes of its arrays. */
  long memoryBytes();
}
