package dev.atomic.models.embed;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

  private static MiniLmEmbedder model;

  @BeforeAll
  static void load() {
    model = new MiniLmEmbedder();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void embed_similarSentencesAreCloserThanUnrelatedOnes() {
    float[] a = model.embed("How do I reset my card PIN?");
    float[] b = model.embed("I forgot the PIN of my card, how can I change it?");
    float[] c = model.embed("The weather in Lisbon is sunny today.");
    assertThat(a).hasSize(384);
    assertThat(dot(a, b)).isGreaterThan(dot(a, c) + 0.2);
    assertThat(dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void embed_singleThreadSession_givesLangchain4jsVectors() {
    var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    for (String text : List.of("How do I reset my card PIN?", "Invoice INV-1 looks wrong\nHello, I was charged twice.")) {
      float[] expected = MiniLmEmbedder.normalise(reference.embed(text).content().vector());
      assertThat(model.embed(text)).containsExactly(expected, within(1e-5f));
    }
    assertThat(model.embedAll(List.of("a", "b")).getFirst()).containsExactly(model.embed("a"), within(1e-5f));
  }

  @Test
  void embed_longText_isEmbeddedFromItsFirstMaxChars() {
    String head = "Invoice INV-1 looks wrong, I was charged twice. ".repeat(MiniLmEmbedder.MAX_CHARS / 48 + 1)
        .substring(0, MiniLmEmbedder.MAX_CHARS);
    String huge = head + "Congratulations, you won a free cruise! ".repeat(25_000);
    assertThat(model.embed(huge)).containsExactly(model.embed(head), within(1e-6f));
    assertThat(model.embedAll(List.of(huge)).getFirst()).containsExactly(model.embed(head), within(1e-5f));
  }

  @Test
  void capped_neverSplitsASurrogatePair() {
    String text = "a".repeat(MiniLmEmbedder.MAX_CHARS - 1) + "\uD83D\uDE00" + "tail";
    assertThat(MiniLmEmbedder.capped(text)).isEqualTo("a".repeat(MiniLmEmbedder.MAX_CHARS - 1));
    assertThat(MiniLmEmbedder.capped("short")).isEqualTo("short");
  }

  static double dot(float[] x, float[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
