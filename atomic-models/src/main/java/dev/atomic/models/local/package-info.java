/**
 * Local models shipped inside Maven artifacts, each usable as a bidder that prices its compute time with a
 * {@link dev.atomic.models.local.ComputeCost}: {@link dev.atomic.models.local.LanguageBidder} (Apache OpenNLP language
 * detection) and {@link dev.atomic.models.local.SentimentBidder} over {@link dev.atomic.models.local.VaderSentiment}
 * (the VADER lexicon and rules). Sentence embeddings live in {@code dev.atomic.models.embed}.
 */
package dev.atomic.models.local;
