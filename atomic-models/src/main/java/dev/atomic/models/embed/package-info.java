/**
 * Sentence embeddings computed in-process, offline. Start at {@link dev.atomic.models.embed.TextEmbedder};
 * {@link dev.atomic.models.embed.MiniLmEmbedder} is the default model and
 * {@link dev.atomic.models.embed.EmbeddingCache} keeps vectors across runs.
 */
package dev.atomic.models.embed;
