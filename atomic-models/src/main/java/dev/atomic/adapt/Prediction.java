package dev.atomic.adapt;

/**
 * A head's answer for one input: the most likely label and the head's probability for it.
 *
 * @param label the predicted class
 * @param probability the head's probability of that class, in [0, 1]; raw, the exchange calibrates it
 */
public record Prediction(String label, double probability) {

  public Prediction {
    java.util.Objects.requireNonNull(label, "label");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
    }
  }
}
