package dev.atomic.models.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.InstantSource;

/**
 * Builds LangChain4j's provider models for an endpoint, each on {@link ProviderHttpClient} (which keeps retry-after)
 * with LangChain4j's retries off: retrying is the exchange's call, not the adapter's.
 */
final class ProviderModels {

  private ProviderModels() {}

  static ChatModel chat(LlmEndpoint e, InstantSource clock) {
    return switch (e.provider()) {
      case OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
          .httpClientBuilder(ProviderHttpClient.builder(clock))
          .baseUrl(e.baseUrl())
          .apiKey(key(e))
          .modelName(e.model())
          .timeout(e.timeout())
          .maxRetries(0)
          .build();
      case ANTHROPIC -> AnthropicChatModel.builder()
          .httpClientBuilder(ProviderHttpClient.builder(clock))
          .baseUrl(e.baseUrl())
          .apiKey(key(e))
          .modelName(e.model())
          .timeout(e.timeout())
          .maxRetries(0)
          .build();
      case OLLAMA -> OllamaChatModel.builder()
          .httpClientBuilder(ProviderHttpClient.builder(clock))
          .baseUrl(e.baseUrl())
          .modelName(e.model())
          .timeout(e.timeout())
          .maxRetries(0)
          .build();
    };
  }

  static StreamingChatModel streaming(LlmEndpoint e, InstantSource clock) {
    return switch (e.provider()) {
      case OPENAI_COMPATIBLE -> OpenAiStreamingChatModel.builder()
          .httpClientBuilder(ProviderHttpClient.builder(clock))
          .baseUrl(e.baseUrl())
          .apiKey(key(e))
          .modelName(e.model())
          .timeout(e.timeout())
          .build();
      case ANTHROPIC -> AnthropicStreamingChatModel.builder()
          .httpClientBuilder(ProviderHttpClient.builder(clock))
          .baseUrl(e.baseUrl())
          .apiKey(key(e))
          .modelName(e.model())
          .timeout(e.timeout())
          .build();
      case OLLAMA -> OllamaStreamingChatModel.builder()
          .httpClientBuilder(ProviderHttpClient.builder(clock))
          .baseUrl(e.baseUrl())
          .modelName(e.model())
          .timeout(e.timeout())
          .build();
    };
  }

  // Local OpenAI-compatible servers need no key, but LangChain4j's client insists on one; they ignore it.
  private static String key(LlmEndpoint e) {
    return e.apiKey() == null ? "none" : e.apiKey().reveal();
  }
}
