package dev.atomic.models.embed;

import java.util.ArrayList;
import java.util.List;

/** A model that turns a text into a fixed-length vector, such that similar texts get close vectors. */
public interface TextEmbedder extends AutoCloseable {

  /** A stable name of the model; caches key vectors by it. */
  String id();

  /** The length of every vector this model returns. */
  int dimension();

  /** The text's vector, L2-normalised. */
  float[] embed(String text);

  /** The vectors of several texts, in order. */
  default List<float[]> embedAll(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      vectors.add(embed(text));
    }
    return vectors;
  }

  @Override
  default void close() {}
}
