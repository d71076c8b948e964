package dev.atomic.bench.pipeline;

import dev.atomic.models.embed.TextEmbedder;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the calls that reach the real model, to show how often a message is embedded. */
final class CountingEmbedder implements TextEmbedder {

  private final TextEmbedder model;
  private final AtomicLong calls = new AtomicLong();

  CountingEmbedder(TextEmbedder model) {
    this.model = model;
  }

  long calls() {
    return calls.get();
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
    calls.incrementAndGet();
    return model.embed(text);
  }

  /** Leaves the model open: the benchmark shares it between its parts and closes it once. */
  @Override
  public void close() {}
}
