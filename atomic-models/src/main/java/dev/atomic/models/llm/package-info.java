/**
 * LLM endpoints as bidders: any LangChain4j chat model, an OpenAI-compatible server, Anthropic or Ollama.
 *
 * <p>Entry point: {@link dev.atomic.models.llm.LlmBidder#builder(String, dev.atomic.models.llm.LlmEndpoint)} for an
 * endpoint described by an {@link dev.atomic.models.llm.LlmEndpoint}, or
 * {@link dev.atomic.models.llm.LlmBidder#wrapping(String, dev.langchain4j.model.chat.ChatModel)} for a model the
 * caller built. A bidder serves microtasks whose input is a {@link dev.atomic.models.llm.Prompt}; it prices its bid
 * from a {@link dev.atomic.models.llm.PriceTable} and a {@link dev.atomic.models.llm.TokenEstimator}, and reports in
 * its answer what the call really cost from the usage the provider returned. Provider failures surface as one
 * {@link dev.atomic.models.llm.ProviderException} that carries the status and the retry-after. API keys come from
 * {@link dev.atomic.models.llm.Secrets} and never appear in a {@code toString()}, a log line or a message.
 */
package dev.atomic.models.llm;
