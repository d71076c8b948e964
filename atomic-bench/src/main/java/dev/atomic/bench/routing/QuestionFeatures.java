package dev.atomic.bench.routing;

import dev.atomic.models.embed.TextEmbedder;
import dev.atomic.task.Features;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The context of each prompt: the all-MiniLM-L6-v2 embedding of its question (not of the few-shot examples in front of
 * it), reduced to {@code k} dimensions by a PCA fitted per task on the <em>train</em> split's questions only. 384
 * dimensions would cost the estimator O(384²) per arm and auction and learn slowly from a few thousand outcomes.
 */
final class QuestionFeatures {

  private static final long PCA_SEED = 0x5EED_0F_9CAL;

  private final Map<String, float[]> embeddings;

  private QuestionFeatures(Map<String, float[]> embeddings) {
    this.embeddings = embeddings;
  }

  /** Embeds every row's question, in batches. */
  static QuestionFeatures embed(List<RouterBenchRow> rows, TextEmbedder embedder) {
    Map<String, float[]> embeddings = new HashMap<>();
    int batch = 64;
    for (int from = 0; from < rows.size(); from += batch) {
      List<RouterBenchRow> slice = rows.subList(from, Math.min(rows.size(), from + batch));
      List<float[]> vectors = embedder.embedAll(slice.stream().map(r -> r.view().question()).toList());
      for (int i = 0; i < slice.size(); i++) {
        embeddings.put(slice.get(i).id(), vectors.get(i));
      }
    }
    return new QuestionFeatures(embeddings);
  }

  /** The full, L2-normalised embedding of a row's question. */
  float[] embedding(String id) {
    float[] v = embeddings.get(id);
    if (v == null) {
      throw new IllegalArgumentException("no embedding for prompt " + id);
    }
    return v;
  }

  /** Every row's reduced features; {@code k = 0} means no context at all. */
  Map<String, Features> reduced(List<RouterBenchRow> rows, int k) {
    Map<String, Features> features = new HashMap<>();
    if (k == 0) {
      rows.forEach(r -> features.put(r.id(), Features.none()));
      return features;
    }
    Map<Task, Pca> byTask = new EnumMap<>(Task.class);
    for (Task task : Task.values()) {
      List<float[]> train = new ArrayList<>();
      for (RouterBenchRow r : rows) {
        if (r.task() == task && r.train()) {
          train.add(embedding(r.id()));
        }
      }
      if (train.size() > k) {
        byTask.put(task, Pca.fit(train, k, PCA_SEED));
      }
    }
    for (RouterBenchRow r : rows) {
      Pca pca = byTask.get(r.task());
      if (pca == null) {
        throw new IllegalArgumentException("task " + r.task() + " has too few train rows to fit a " + k
            + "-dimensional PCA");
      }
      features.put(r.id(), Features.of(pca.project(embedding(r.id()))));
    }
    return features;
  }
}
