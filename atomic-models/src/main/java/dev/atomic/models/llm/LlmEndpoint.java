package dev.atomic.models.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Where an LLM is served and how to reach it. Its {@code toString()} masks the key (see {@link Secret}), so an
 * endpoint can be logged.
 *
 * @param provider the wire protocol
 * @param baseUrl the API root, such as {@code https://api.openai.com/v1} or {@code http://localhost:8000/v1}
 * @param model the model name sent with each request, also the key into the price table
 * @param apiKey the key, or {@code null} for servers that need none (Ollama, a local vLLM)
 * @param timeout the longest a whole call may take, streaming included
 */
public record LlmEndpoint(Provider provider, String baseUrl, String model, Secret apiKey, Duration timeout) {

  /** The per-call timeout unless one is set. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public LlmEndpoint {
    Objects.requireNonNull(provider, "provider");
    checkUrl(baseUrl);
    Objects.requireNonNull(model, "model");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    if (apiKey == null && provider == Provider.ANTHROPIC) {
      throw new IllegalArgumentException("Anthropic needs an API key; set " + provider.keyVariable());
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** OpenAI itself, with the key from {@code ATOMIC_OPENAI_API_KEY}. */
  public static LlmEndpoint openAi(String model, Secrets secrets) {
    Provider p = Provider.OPENAI_COMPATIBLE;
    return new LlmEndpoint(p, p.defaultBaseUrl(), model, secrets.require(p.keyVariable()), DEFAULT_TIMEOUT);
  }

  /** Any server speaking OpenAI's chat completions API (vLLM, llama.cpp's server, LM Studio); the key may be null. */
  public static LlmEndpoint openAiCompatible(String baseUrl, String model, Secret apiKey) {
    return new LlmEndpoint(Provider.OPENAI_COMPATIBLE, baseUrl, model, apiKey, DEFAULT_TIMEOUT);
  }

  /** Anthropic, with the key from {@code ATOMIC_ANTHROPIC_API_KEY}. */
  public static LlmEndpoint anthropic(String model, Secrets secrets) {
    Provider p = Provider.ANTHROPIC;
    return new LlmEndpoint(p, p.defaultBaseUrl(), model, secrets.require(p.keyVariable()), DEFAULT_TIMEOUT);
  }

  /** An Ollama server's native API, such as {@code http://localhost:11434}. */
  public static LlmEndpoint ollama(String baseUrl, String model) {
    return new LlmEndpoint(Provider.OLLAMA, baseUrl, model, null, DEFAULT_TIMEOUT);
  }

  public LlmEndpoint withBaseUrl(String url) {
    return new LlmEndpoint(provider, url, model, apiKey, timeout);
  }

  public LlmEndpoint withApiKey(Secret key) {
    return new LlmEndpoint(provider, baseUrl, model, key, timeout);
  }

  public LlmEndpoint withTimeout(Duration value) {
    return new LlmEndpoint(provider, baseUrl, model, apiKey, value);
  }

  /** A short name for messages: vendor and model. */
  public String describe() {
    return provider.vendor() + " " + model;
  }

  /** A LangChain4j chat model for this endpoint; LangChain4j's own retries are off, so failures reach the exchange. */
  public ChatModel chatModel() {
    return ProviderModels.chat(this, InstantSource.system());
  }

  /** A LangChain4j streaming chat model for this endpoint (SSE, or NDJSON for Ollama). */
  public StreamingChatModel streamingChatModel() {
    return ProviderModels.streaming(this, InstantSource.system());
  }

  /**
   * The HTTP client Atomic's endpoints use, for a LangChain4j model the caller builds: it keeps the provider's
   * retry-after, which LangChain4j's default client drops, so a wrapped model's {@link ProviderException} has it too.
   */
  public static HttpClientBuilder httpClientBuilder() {
    return ProviderHttpClient.builder(InstantSource.system());
  }

  private static void checkUrl(String url) {
    Objects.requireNonNull(url, "baseUrl");
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host, was '" + url + "'");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: '" + url + "' (" + e.getReason() + ")", e);
    }
  }
}
