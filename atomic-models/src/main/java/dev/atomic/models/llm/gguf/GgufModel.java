package dev.atomic.models.llm.gguf;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.atomic.AtomicException;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.models.llm.LlmBidder;
import dev.atomic.models.llm.Price;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GGUF model file run in-process by llama.cpp, as a LangChain4j {@link ChatModel}: wrap it as a bidder with
 * {@link #bidder(String)}.
 *
 * <p>A prompt with a JSON schema is decoded under the grammar llama.cpp derives from the schema, so every answer parses
 * and has the schema's shape. Token counts are the model's own tokenizer's: the prompt as rendered, and the answer
 * re-tokenized.
 *
 * <p>Closing frees the native model; it is idempotent, waits for calls in flight, and later calls fail with a clear
 * error instead of touching freed memory. See the package documentation for why the JVM does not exit on its own.
 */
public final class GgufModel implements ChatModel, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GgufModel.class);
  private static final byte[] MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final LlamaModel model;
  private final ChatTemplate template;
  private final int defaultMaxTokens;
  private final int seed;
  // Calls hold the read lock; close takes the write lock, so it never frees the model under a running generation.
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private GgufModel(Builder b, LlamaModel model) {
    this.file = b.file;
    this.model = model;
    this.template = b.template;
    this.defaultMaxTokens = b.defaultMaxTokens;
    this.seed = b.seed;
  }

  /** Starts loading the model in the given GGUF file. */
  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /** A bidder builder for this model: free per token, local and sovereign, and closing this model when it closes. */
  public LlmBidder.Builder bidder(String id) {
    return LlmBidder.wrapping(id, this).price(Price.FREE).profile(BidderProfile.local()).closing(this);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    String system = "";
    String user = null;
    for (ChatMessage message : request.messages()) {
      switch (message) {
        case SystemMessage s -> system = s.text();
        case UserMessage u when u.hasSingleText() -> user = u.singleText();
        default -> throw new IllegalArgumentException("a GGUF model takes one system and one text user message, not "
            + message.type());
      }
    }
    if (user == null) {
      throw new IllegalArgumentException("a GGUF model needs a user message");
    }
    String prompt = template.render(system, user);
    ChatRequestParameters p = request.parameters();
    int maxTokens = p.maxOutputTokens() != null ? p.maxOutputTokens() : defaultMaxTokens;
    InferenceParameters inference = new InferenceParameters(prompt).setNPredict(maxTokens).setSeed(seed);
    if (p.temperature() != null) {
      inference.setTemperature(p.temperature().floatValue());
    }
    if (p.topP() != null) {
      inference.setTopP(p.topP().floatValue());
    }
    if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
      inference.setStopStrings(p.stopSequences().toArray(String[]::new));
    }
    String grammar = grammarOf(p.responseFormat());
    if (grammar != null) {
      inference.setGrammar(grammar);
    }

    lifecycle.readLock().lock();
    try {
      checkOpen();
      String text = model.complete(inference);
      int in = model.encode(prompt).length;
      int out = text.isEmpty() ? 0 : model.encode(text).length;
      return ChatResponse.builder()
          .aiMessage(AiMessage.from(text))
          .tokenUsage(new TokenUsage(in, out))
          .finishReason(out >= maxTokens ? FinishReason.LENGTH : FinishReason.STOP)
          .modelName(file.getFileName().toString())
          .build();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** The token ids of a text under this model's vocabulary. */
  public int[] tokenize(String text) {
    lifecycle.readLock().lock();
    try {
      checkOpen();
      return model.encode(Objects.requireNonNull(text, "text"));
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private static String grammarOf(ResponseFormat format) {
    if (format == null || format.type() != ResponseFormatType.JSON) {
      return null;
    }
    JsonSchema schema = format.jsonSchema();
    String json = schema != null && schema.rootElement() instanceof JsonRawSchema raw ? raw.schema() : "{}";
    if (schema != null && !(schema.rootElement() instanceof JsonRawSchema)) {
      throw new IllegalArgumentException("a GGUF model takes its JSON schema as raw JSON (JsonRawSchema), not "
          + schema.rootElement().getClass().getSimpleName());
    }
    return LlamaModel.jsonSchemaToGrammar(json);
  }

  private void checkOpen() {
    if (closed) {
      throw new AtomicException("the GGUF model " + file + " is closed");
    }
  }

  /** Frees the native model; safe to call more than once, and waits for calls in flight. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        model.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "GgufModel[" + file + (closed ? ", closed" : "") + "]";
  }

  /** Loads a {@link GgufModel}; each setter checks its value at once. */
  public static final class Builder {
    private final Path file;
    private ChatTemplate template = ChatTemplate.chatMl();
    private int contextSize = 2048;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private int defaultMaxTokens = 256;
    private int seed = 0;

    private Builder(Path file) {
      this.file = Objects.requireNonNull(file, "file");
    }

    /** How system and user texts become the raw prompt; ChatML unless set. */
    public Builder template(ChatTemplate value) {
      this.template = Objects.requireNonNull(value, "template");
      return this;
    }

    /** The context window in tokens, prompt and answer together. */
    public Builder contextSize(int tokens) {
      if (tokens < 16) {
        throw new IllegalArgumentException("contextSize must be at least 16 tokens, was " + tokens);
      }
      this.contextSize = tokens;
      return this;
    }

    /** How many CPU threads generation uses. */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + count);
      }
      this.threads = count;
      return this;
    }

    /** The answer length limit when the prompt sets none. */
    public Builder defaultMaxTokens(int tokens) {
      if (tokens < 1) {
        throw new IllegalArgumentException("defaultMaxTokens must be at least 1, was " + tokens);
      }
      this.defaultMaxTokens = tokens;
      return this;
    }

    /** The sampling seed, so that the same prompt gives the same answer. */
    public Builder seed(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("seed must be >= 0, was " + value);
      }
      this.seed = value;
      return this;
    }

    /**
     * Loads the model.
     *
     * @throws AtomicException when the file is missing, is not GGUF, llama.cpp rejects it, or the native library cannot
     *     load on this platform
     */
    public GgufModel load() {
      checkGguf(file);
      ModelParameters parameters = new ModelParameters()
          .setModel(file.toString())
          .setCtxSize(contextSize)
          .setThreads(threads)
          .setSeed(seed);
      try {
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> log.debug("llama.cpp {}: {}", level, message.strip()));
        return new GgufModel(this, new LlamaModel(parameters));
      } catch (LinkageError e) {
        // UnsatisfiedLinkError or a failed static initialiser: the bundled native library does not run here.
        throw new AtomicException("llama.cpp's native library could not be loaded on " + System.getProperty("os.name")
            + "/" + System.getProperty("os.arch") + ": " + e, e);
      } catch (RuntimeException e) {
        throw new AtomicException("llama.cpp could not load the GGUF model " + file + ": " + e.getMessage(), e);
      }
    }

    private static void checkGguf(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new AtomicException("no GGUF model file at " + file);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] head = in.readNBytes(4);
        if (!Arrays.equals(head, MAGIC)) {
          throw new AtomicException(file + " is not a GGUF file: it starts with " + Arrays.toString(head)
              + " instead of the magic 'GGUF'");
        }
      } catch (IOException e) {
        throw new AtomicException("cannot read the GGUF model file " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
