/**
 * Sentence embeddings computed in-process, offline. Start at {@link dev.atomic.models.embed.TextEmbedder};
 * {@link dev.atomic.models.embed.MiniLmEmbedder} is the default model, {@link dev.atomic.models.embed.RecentEmbeddings}
 * lets the steps of a request share one vector per text, and {@link dev.atomic.models.embed.EmbeddingCache} keeps
 * vectors across runs.
 */
package dev.atomic.models.embed;
