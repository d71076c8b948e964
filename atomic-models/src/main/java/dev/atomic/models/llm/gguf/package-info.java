/**
 * In-process GGUF models through llama.cpp (java-llama.cpp), as LangChain4j chat models and so as bidders.
 *
 * <p>Entry point: {@link dev.atomic.models.llm.gguf.GgufModel#builder(java.nio.file.Path)}, then
 * {@link dev.atomic.models.llm.gguf.GgufModel#bidder(String)}. Structured prompts are decoded under a grammar
 * that llama.cpp derives from the prompt's JSON schema, so the answer is valid JSON of that shape by construction.
 *
 * <p><b>The JVM does not exit by itself after a GGUF model has generated.</b> Once a model has generated, llama.cpp's
 * worker thread is attached to the JVM as a non-daemon thread and is never detached, not even by
 * {@link dev.atomic.models.llm.gguf.GgufModel#close()} (observed with de.kherud:llama 4.2.0 on Linux x86-64: after {@code main} returns the process stays up). Close the
 * model to free its memory, and end the application with {@link System#exit(int)}, as Atomic's CLI does.
 */
package dev.atomic.models.llm.gguf;
