package dev.atomic.models.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

  /** A deterministic stand-in model that counts its calls; the cache, not the model, is under test. */
  static final class CountingEmbedder implements TextEmbedder {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public float[] embed(String text) {
      calls.incrementAndGet();
      return new float[] {text.length(), text.hashCode() % 7, 1};
    }
  }

  @Test
  void embed_secondRunReadsFromFile(@TempDir Path dir) {
    Path file = dir.resolve("cache.bin");
    CountingEmbedder model = new CountingEmbedder();
    float[] first;
    try (EmbeddingCache cache = EmbeddingCache.open(model, file)) {
      first = cache.embed("hello");
      cache.embed("hello");
      assertThat(model.calls).hasValue(1);
    }
    CountingEmbedder fresh = new CountingEmbedder();
    try (EmbeddingCache cache = EmbeddingCache.open(fresh, file)) {
      assertThat(cache.embed("hello")).containsExactly(first);
      assertThat(fresh.calls).hasValue(0);
    }
  }

  @Test
  void open_truncatedLastRecordIsIgnored(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cache.bin");
    try (EmbeddingCache cache = EmbeddingCache.open(new CountingEmbedder(), file)) {
      cache.embedAll(List.of("a", "bb", "ccc"));
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    try (EmbeddingCache cache = EmbeddingCache.open(new CountingEmbedder(), file)) {
      assertThat(cache.size()).isEqualTo(2);
    }
  }
}
