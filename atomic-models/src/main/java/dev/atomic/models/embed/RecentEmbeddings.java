package dev.atomic.models.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TextEmbedder} that remembers the vectors of the last few texts it embedded, in memory, so that the steps of
 * one request that read the same text (two heads bidding on it, the winner serving it, the feedback teaching it) share
 * one model call. It is a memo for work in flight, not a store: it holds at most {@code capacity} texts and forgets the
 * least recently used first, so its memory is bounded by {@code capacity} times (text + {@code 4 * dimension} bytes).
 * {@link EmbeddingCache} is the one that keeps vectors across runs.
 *
 * <p>Texts that arrive together are embedded once: the first caller computes while the others wait for its vector. A
 * failed call is not remembered, so the next caller tries again. Every caller gets its own copy of the vector.
 * Thread-safe.
 */
public final class RecentEmbeddings implements TextEmbedder {

  private final TextEmbedder model;
  private final int capacity;
  private final Map<String, CompletableFuture<float[]>> recent;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  private RecentEmbeddings(TextEmbedder model, int capacity) {
    this.model = model;
    this.capacity = capacity;
    this.recent = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<float[]>> eldest) {
        return size() > RecentEmbeddings.this.capacity;
      }
    };
  }

  /** Wraps {@code model}, remembering the vectors of the last {@code capacity} distinct texts. */
  public static RecentEmbeddings of(TextEmbedder model, int capacity) {
    Objects.requireNonNull(model, "model");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1 text, was " + capacity);
    }
    return new RecentEmbeddings(model, capacity);
  }

  @Override
  public String id() {
    return model.id();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public float[] embed(String text) {
    Objects.requireNonNull(text, "text");
    CompletableFuture<float[]> vector;
    boolean mine = false;
    synchronized (recent) {
      vector = recent.get(text);
      if (vector == null) {
        vector = new CompletableFuture<>();
        recent.put(text, vector);
        mine = true;
      }
    }
    if (mine) {
      misses.incrementAndGet();
      compute(text, vector);
    } else {
      hits.incrementAndGet();
    }
    try {
      return vector.join().clone();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Calls the model outside the lock, so that other texts are not held up while this one is embedded. */
  private void compute(String text, CompletableFuture<float[]> vector) {
    try {
      vector.complete(model.embed(text));
    } catch (RuntimeException e) {
      synchronized (recent) {
        recent.remove(text, vector);
      }
      vector.completeExceptionally(e);
    }
  }

  /** How many texts are remembered now; never more than the capacity. */
  public int size() {
    synchronized (recent) {
      return recent.size();
    }
  }

  public int capacity() {
    return capacity;
  }

  /** Calls answered from memory (or by waiting for a call already under way). */
  public long hits() {
    return hits.get();
  }

  /** Calls that went to the model. */
  public long misses() {
    return misses.get();
  }

  /** Closes the model underneath. */
  @Override
  public void close() {
    model.close();
  }
}
