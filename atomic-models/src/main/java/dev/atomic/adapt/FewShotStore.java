package dev.atomic.adapt;

import dev.atomic.models.embed.TextEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Dynamic few-shot examples for one microtask kind: verified input/output pairs, at most {@code capacity} (the oldest
 * is forgotten first), from which the {@code k} most similar to a new input are retrieved by embedding, to be placed in
 * an LLM prompt. Thread-safe.
 */
public final class FewShotStore {

  private final String kind;
  private final TextEmbedder embedder;
  private final VectorRing ring;
  private final String[] inputs;
  private final String[] outputs;

  FewShotStore(String kind, TextEmbedder embedder, int capacity) {
    this.kind = kind;
    this.embedder = embedder;
    this.ring = new VectorRing(embedder.dimension(), capacity);
    this.inputs = new String[capacity];
    this.outputs = new String[capacity];
  }

  static FewShotStore restore(FewShotState s, TextEmbedder embedder) {
    if (s.dimension() != embedder.dimension()) {
      throw new IllegalArgumentException("few-shot state of '" + s.kind() + "' has dimension " + s.dimension()
          + " but the embedder " + embedder.id() + " has " + embedder.dimension());
    }
    FewShotStore store = new FewShotStore(s.kind(), embedder, s.capacity());
    VectorRing ring = VectorRing.restore(s.dimension(), s.capacity(), s.codes(), s.scales(), s.inputs().size(),
        s.next());
    return new FewShotStore(store, ring, s);
  }

  private FewShotStore(FewShotStore empty, VectorRing ring, FewShotState s) {
    this.kind = empty.kind;
    this.embedder = empty.embedder;
    this.ring = ring;
    this.inputs = Arrays.copyOf(s.inputs().toArray(String[]::new), s.capacity());
    this.outputs = Arrays.copyOf(s.outputs().toArray(String[]::new), s.capacity());
  }

  public String kind() {
    return kind;
  }

  public synchronized int size() {
    return ring.size();
  }

  public int capacity() {
    return ring.capacity();
  }

  /** Stores a verified pair, embedding its input. */
  public void add(String input, String output) {
    add(input, output, embedder.embed(Objects.requireNonNull(input, "input")));
  }

  /** Stores a verified pair whose input is already embedded. */
  synchronized void add(String input, String output, float[] embedding) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    int slot = ring.add(embedding);
    inputs[slot] = input;
    outputs[slot] = output;
  }

  /** The {@code k} stored examples most similar to {@code input}, most similar first. */
  public List<Example> similar(String input, int k) {
    Objects.requireNonNull(input, "input");
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, was " + k);
    }
    float[] q = embedder.embed(input);
    synchronized (this) {
      double[] sims = new double[Math.min(k, ring.size())];
      int[] slots = ring.nearest(q, k, sims);
      List<Example> out = new ArrayList<>(slots.length);
      for (int j = 0; j < slots.length; j++) {
        out.add(new Example(inputs[slots[j]], outputs[slots[j]], sims[j]));
      }
      return out;
    }
  }

  /** An upper estimate of the bytes held: the vectors plus two bytes per character of text. */
  public synchronized long memoryBytes() {
    long text = 0;
    for (int i = 0; i < ring.size(); i++) {
      text += 2L * (inputs[i].length() + outputs[i].length());
    }
    return ring.bytes() + text;
  }

  public synchronized FewShotState state() {
    int n = ring.size();
    return new FewShotState(kind, ring.dimension(), ring.capacity(), Arrays.asList(inputs).subList(0, n),
        Arrays.asList(outputs).subList(0, n), ring.codesCopy(), ring.scalesCopy(), ring.next());
  }
}
