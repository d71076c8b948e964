package dev.atomic.models.llm;

/** The wire protocols Atomic speaks to LLM endpoints, with each one's default address and key variable. */
public enum Provider {
  /** OpenAI's chat completions API; also vLLM, llama.cpp's server, LM Studio and Ollama's {@code /v1}. */
  OPENAI_COMPATIBLE("openai", "https://api.openai.com/v1", "ATOMIC_OPENAI_API_KEY"),
  /** Anthropic's messages API. */
  ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "ATOMIC_ANTHROPIC_API_KEY"),
  /** Ollama's native chat API (NDJSON streaming); it needs no key. */
  OLLAMA("ollama", "http://localhost:11434", null);

  private final String vendor;
  private final String defaultBaseUrl;
  private final String keyVariable;

  Provider(String vendor, String defaultBaseUrl, String keyVariable) {
    this.vendor = vendor;
    this.defaultBaseUrl = defaultBaseUrl;
    this.keyVariable = keyVariable;
  }

  /** The short vendor name used in bidder profiles and messages. */
  public String vendor() {
    return vendor;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The environment variable (or secrets-file entry) holding the key, or {@code null} when none is needed. */
  public String keyVariable() {
    return keyVariable;
  }
}
