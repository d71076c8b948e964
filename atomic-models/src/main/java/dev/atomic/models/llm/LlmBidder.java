package dev.atomic.models.llm;

import dev.atomic.AtomicException;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.bidding.TokenSink;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LLM as a bidder: it bids on microtasks whose input is a {@link Prompt} (or a plain string, taken as the user
 * text) and serves them through a LangChain4j chat model.
 *
 * <p>The bid's cost is the model's {@link Price} applied to estimated tokens: the prompt counted by the
 * {@link TokenEstimator} plus a fixed overhead per message, and the expected answer length (the bidder's setting, capped
 * by the prompt's {@code maxOutputTokens}). Its latency is a fixed time to first token plus a time per output token.
 * The answer's cost comes from the token usage the provider reports; when it reports none, from the same estimates, and
 * the {@link Completion} says so. The exchange learns the ratio of real to claimed cost, so a steady estimation bias
 * does not mislead it for long. The answer's {@link dev.atomic.bidding.Usage} names the model that answered and carries
 * the same token counts (reported or estimated), for the ledger, the traces and the metrics.
 *
 * <p>Each call is bounded by the bidder's timeout; provider failures become {@link ProviderException}s. Close the
 * bidder to stop its threads and close whatever it was given to close (see {@link Builder#closing}).
 */
public final class LlmBidder implements Bidder, AutoCloseable {

  private static final TokenSink NO_SINK = chunk -> { };

  /** Tokens a chat format adds around each message (role markers, separators), per OpenAI's published accounting. */
  static final int TOKENS_PER_MESSAGE = 4;

  private static final Logger log = LoggerFactory.getLogger(LlmBidder.class);

  private final String id;
  private final String description;
  private final ChatCall call;
  private final String modelName;
  private final Price price;
  private final TokenEstimator tokens;
  private final double quality;
  private final double uncertainty;
  private final int expectedOutputTokens;
  private final Duration firstTokenLatency;
  private final Duration perOutputToken;
  private final Duration timeout;
  private final BidderProfile profile;
  private final Set<String> kinds;
  private final Secret secret;
  private final List<AutoCloseable> closing;
  private final ExecutorService executor;
  private volatile boolean closed;

  private LlmBidder(Builder b) {
    this.id = b.id;
    this.description = b.description;
    this.call = b.call;
    this.modelName = b.modelName;
    this.price = b.price;
    this.tokens = b.tokens;
    this.quality = b.quality;
    this.uncertainty = b.uncertainty;
    this.expectedOutputTokens = b.expectedOutputTokens;
    this.firstTokenLatency = b.firstTokenLatency;
    this.perOutputToken = b.perOutputToken;
    this.timeout = b.timeout;
    this.profile = b.profile;
    this.kinds = Set.copyOf(b.kinds);
    this.secret = b.secret;
    this.closing = List.copyOf(b.closing);
    this.executor = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("atomic-llm-" + b.id + "-", 0).factory());
  }

  /** A bidder for an endpoint: its model, its key (for scrubbing), its timeout, and its price from the defaults. */
  public static Builder builder(String id, LlmEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    Builder b = new Builder(id, null, endpoint.describe());
    b.endpoint = endpoint;
    b.modelName = endpoint.model();
    b.secret = endpoint.apiKey();
    b.timeout = endpoint.timeout();
    b.profile = BidderProfile.hosted(endpoint.provider().vendor(), "unspecified");
    if (endpoint.provider() == Provider.OLLAMA) {
      b.price = Price.FREE;
    }
    return b;
  }

  /** A bidder around a LangChain4j chat model the caller built; name its model or give its price. */
  public static Builder wrapping(String id, ChatModel model) {
    return new Builder(id, new ChatCall.Blocking(Objects.requireNonNull(model, "model")), id);
  }

  /** A bidder around a LangChain4j streaming chat model the caller built; name its model or give its price. */
  public static Builder wrapping(String id, StreamingChatModel model) {
    return new Builder(id, new ChatCall.Streaming(Objects.requireNonNull(model, "model")), id);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public BidderProfile profile() {
    return profile;
  }

  /** The price this bidder charges by. */
  public Price price() {
    return price;
  }

  /** Abstains unless the input is a prompt (or a string) and the kind is one this bidder serves. */
  @Override
  public Optional<Bid> bid(Microtask task) {
    Prompt prompt = promptOf(task);
    if (prompt == null || !(kinds.isEmpty() || kinds.contains(task.kind()))) {
      return Optional.empty();
    }
    long in = estimateInputTokens(prompt);
    long out = expectedOutputTokens(prompt);
    double cost = price.costUsd(in, out);
    Duration latency = firstTokenLatency.plus(perOutputToken.multipliedBy(out));
    return Optional.of(new Bid(quality, uncertainty, cost, latency, String.format(Locale.ROOT,
        "%s: ~%d tokens in, ~%d out at %.2f/%.2f USD per M", description, in, out,
        price.inputUsdPerMillion(), price.outputUsdPerMillion())));
  }

  @Override
  public Answer serve(Microtask task) throws InterruptedException {
    Prompt prompt = promptOf(task);
    if (prompt == null) {
      throw new IllegalArgumentException("bidder " + id + " serves a Prompt or a String, but microtask " + task.id()
          + " (" + task.kind() + ") has input of type "
          + (task.input() == null ? "null" : task.input().getClass().getName()));
    }
    TokenSink sink = Inputs.as(task.input(), TokenSink.class).orElse(NO_SINK);
    Completion completion = complete(prompt, sink);
    return new Answer(completion.text(), completion.costUsd(), completion.latency(), Double.NaN, completion.usage());
  }

  /**
   * Sends the prompt and waits for the whole answer, at most the bidder's timeout.
   *
   * @throws ProviderException when the provider fails, times out or answers nonsense
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public Completion complete(Prompt prompt) throws InterruptedException {
    return complete(prompt, NO_SINK);
  }

  /**
   * Like {@link #complete(Prompt)}; a streaming model also sends each chunk to {@code sink} as it arrives.
   */
  public Completion complete(Prompt prompt, TokenSink sink) throws InterruptedException {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(sink, "sink");
    if (closed) {
      throw new AtomicException("bidder " + id + " is closed");
    }
    long start = System.nanoTime();
    Future<ChatResponse> pending;
    try {
      pending = call.start(request(prompt), executor, sink);
    } catch (RejectedExecutionException e) {
      throw new AtomicException("bidder " + id + " is closed", e);
    }
    ChatResponse response;
    try {
      response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw failed(ProviderErrors.timedOut(description, timeout));
    } catch (ExecutionException e) {
      throw failed(ProviderErrors.map(description, e.getCause(), secret));
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    return completion(prompt, response, latency);
  }

  private Completion completion(Prompt prompt, ChatResponse response, Duration latency) {
    if (response == null || response.aiMessage() == null) {
      throw failed(ProviderErrors.malformed(description, "a message"));
    }
    String text = response.aiMessage().text();
    if (text == null) {
      throw failed(ProviderErrors.malformed(description, "any text in its message"));
    }
    TokenUsage usage = response.tokenUsage();
    boolean reported = usage != null && usage.inputTokenCount() != null && usage.outputTokenCount() != null;
    long in = reported ? usage.inputTokenCount() : estimateInputTokens(prompt);
    long out = reported ? usage.outputTokenCount() : tokens.count(text);
    String finish = response.finishReason() == null ? "" : response.finishReason().name();
    Completion completion = new Completion(text, in, out, reported, finish, price.costUsd(in, out), latency,
        modelOf(response));
    log.debug("{} answered: {} tokens in, {} out ({}), {} USD, {} ms", description, in, out,
        reported ? "reported" : "estimated", completion.costUsd(), latency.toMillis());
    return completion;
  }

  /**
   * The model that answered: the provider's own name for it when it gives one (an alias resolves to a dated version,
   * {@code gpt-4o-mini} to {@code gpt-4o-mini-2024-07-18}), else the one this bidder asked for.
   */
  private String modelOf(ChatResponse response) {
    String reported = response.modelName();
    if (reported != null && !reported.isBlank()) {
      return reported;
    }
    return modelName == null ? "" : modelName;
  }

  private ProviderException failed(ProviderException e) {
    log.warn("{} failed ({}, status {}): {}", id, e.reason(), e.status(), e.getMessage());
    return e;
  }

  private ChatRequest request(Prompt prompt) {
    List<ChatMessage> messages = new ArrayList<>(2);
    if (!prompt.system().isEmpty()) {
      messages.add(SystemMessage.from(prompt.system()));
    }
    messages.add(UserMessage.from(prompt.user()));
    ChatRequest.Builder request = ChatRequest.builder()
        .messages(messages)
        .temperature(prompt.decoding().temperature())
        .topP(prompt.decoding().topP())
        .maxOutputTokens(prompt.decoding().maxOutputTokens());
    if (!prompt.decoding().stop().isEmpty()) {
      request.stopSequences(prompt.decoding().stop());
    }
    if (modelName != null) {
      request.modelName(modelName);
    }
    if (prompt.structured()) {
      request.responseFormat(ResponseFormat.builder()
          .type(ResponseFormatType.JSON)
          .jsonSchema(JsonSchema.builder().name("answer").rootElement(JsonRawSchema.from(prompt.jsonSchema())).build())
          .build());
    }
    return request.build();
  }

  long estimateInputTokens(Prompt prompt) {
    long count = tokens.count(prompt.user()) + TOKENS_PER_MESSAGE;
    if (!prompt.system().isEmpty()) {
      count += tokens.count(prompt.system()) + TOKENS_PER_MESSAGE;
    }
    if (prompt.structured()) {
      count += tokens.count(prompt.jsonSchema());
    }
    return count;
  }

  private long expectedOutputTokens(Prompt prompt) {
    Integer cap = prompt.decoding().maxOutputTokens();
    return cap == null ? expectedOutputTokens : Math.min(cap, expectedOutputTokens);
  }

  private static Prompt promptOf(Microtask task) {
    Prompt viewed = Inputs.as(task.input(), Prompt.class).orElse(null);
    if (viewed != null) {
      return viewed;
    }
    return switch (task.input()) {
      case String s when !s.isBlank() -> Prompt.of(s);
      case null, default -> null;
    };
  }

  /** Stops the bidder's threads and closes what it was given to close; safe to call more than once. */
  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
    for (AutoCloseable resource : closing) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} of bidder {} failed: {}", resource, id, e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "LlmBidder[" + id + ", " + description + ", " + price + "]";
  }

  /** Configures an {@link LlmBidder}; each setter checks its value at once, {@link #build()} checks the whole. */
  public static final class Builder {
    private final String id;
    private final String description;
    private ChatCall call;
    private LlmEndpoint endpoint;
    private boolean streaming;
    private String modelName;
    private Price price;
    private PriceTable prices = PriceTable.defaults();
    private TokenEstimator tokens = TokenEstimator.heuristic();
    private double quality = 0.7;
    private double uncertainty = 0.2;
    private int expectedOutputTokens = 256;
    private Duration firstTokenLatency = Duration.ofMillis(500);
    private Duration perOutputToken = Duration.ofMillis(20);
    private Duration timeout = LlmEndpoint.DEFAULT_TIMEOUT;
    private BidderProfile profile = BidderProfile.hosted("unknown", "unspecified");
    private Set<String> kinds = Set.of();
    private Secret secret;
    private final List<AutoCloseable> closing = new ArrayList<>();

    private Builder(String id, ChatCall call, String description) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("bidder id must not be blank");
      }
      this.id = id;
      this.call = call;
      this.description = description;
    }

    /** Streams the answer (SSE, or NDJSON for Ollama) instead of waiting for one body; only for endpoint bidders. */
    public Builder streaming() {
      if (endpoint == null) {
        throw new IllegalStateException("streaming() applies to endpoint bidders; wrap a StreamingChatModel instead");
      }
      this.streaming = true;
      return this;
    }

    /** The model's name, sent with each request and looked up in the price table. */
    public Builder modelName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("model name must not be blank");
      }
      this.modelName = name;
      return this;
    }

    /** The price to charge by, over any price-table entry. */
    public Builder price(Price price) {
      this.price = Objects.requireNonNull(price, "price");
      return this;
    }

    /** The table to look the model's price up in; {@link PriceTable#defaults()} unless set. */
    public Builder prices(PriceTable table) {
      this.prices = Objects.requireNonNull(table, "table");
      return this;
    }

    public Builder tokens(TokenEstimator estimator) {
      this.tokens = Objects.requireNonNull(estimator, "estimator");
      return this;
    }

    /** The quality this bidder claims, in [0, 1], with its own uncertainty in [0, 0.5]; the exchange calibrates it. */
    public Builder quality(double claimed, double uncertainty) {
      if (!(claimed >= 0 && claimed <= 1)) {
        throw new IllegalArgumentException("quality must be in [0, 1], was " + claimed);
      }
      if (!(uncertainty >= 0 && uncertainty <= 0.5)) {
        throw new IllegalArgumentException("uncertainty must be in [0, 0.5], was " + uncertainty);
      }
      this.quality = claimed;
      this.uncertainty = uncertainty;
      return this;
    }

    /** How many tokens a typical answer has, for the bid; the prompt's {@code maxOutputTokens} caps it. */
    public Builder expectedOutputTokens(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("expectedOutputTokens must be at least 1, was " + count);
      }
      this.expectedOutputTokens = count;
      return this;
    }

    /** The expected latency: time to the first token plus time per output token. */
    public Builder latency(Duration firstToken, Duration perToken) {
      this.firstTokenLatency = notNegative("firstToken", firstToken);
      this.perOutputToken = notNegative("perToken", perToken);
      return this;
    }

    /** The longest one call may take, streaming included. */
    public Builder timeout(Duration value) {
      Objects.requireNonNull(value, "timeout");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + value);
      }
      this.timeout = value;
      return this;
    }

    /** Where the model runs, for data policies. */
    public Builder profile(BidderProfile value) {
      this.profile = Objects.requireNonNull(value, "profile");
      return this;
    }

    /** The only microtask kinds to bid on; every kind whose input is a prompt unless set. */
    public Builder kinds(Set<String> value) {
      value.forEach(Microtask::checkKind);
      this.kinds = Set.copyOf(value);
      return this;
    }

    /** A secret to scrub from every error message, for a wrapped model that holds a key. */
    public Builder secret(Secret value) {
      this.secret = Objects.requireNonNull(value, "secret");
      return this;
    }

    /** Something to close with the bidder, such as the model it wraps when the bidder owns it. */
    public Builder closing(AutoCloseable resource) {
      closing.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    /**
     * Builds the bidder.
     *
     * @throws IllegalStateException when no price is given and the model name has none in the price table
     */
    public LlmBidder build() {
      if (price == null) {
        if (modelName == null) {
          throw new IllegalStateException("bidder " + id + " has no price: give price(...) or a modelName(...) "
              + "that the price table knows");
        }
        price = prices.find(modelName).orElseThrow(() -> new IllegalStateException("bidder " + id + ": model '"
            + modelName + "' is not in the price table (" + prices + "); give its price with price(...)"));
      }
      if (call == null) {
        call = streaming
            ? new ChatCall.Streaming(endpoint.streamingChatModel())
            : new ChatCall.Blocking(endpoint.chatModel());
      }
      return new LlmBidder(this);
    }

    private static Duration notNegative(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
