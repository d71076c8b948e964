package dev.atomic.models.config;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.models.llm.Price;
import dev.atomic.models.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One model declared in configuration: what it is, where it runs, and what it claims. Values, checked when read. */
public sealed interface ModelSpec {

  /** The bidder's id, unique in the configuration. */
  String id();

  /** The entry's {@code type}, as written in the file. */
  String type();

  /** Where the model runs, for data policies. */
  BidderProfile profile();

  /** The microtask kinds it bids on; empty means every kind its input suits. */
  Set<String> kinds();

  /** A short description for listings: model name, file or kind; never a key. */
  String describe();

  /**
   * A model behind an HTTP API: OpenAI-compatible, Anthropic or Ollama.
   *
   * @param keyName the environment variable or secrets-file entry holding the key; empty when the server needs none
   * @param price the price per million tokens; empty to look the model up in the built-in price table
   */
  record Endpoint(String id, Provider provider, String baseUrl, String model, Optional<String> keyName,
      Optional<Price> price, Set<String> kinds, double quality, BidderProfile profile, Duration timeout,
      boolean streaming) implements ModelSpec {

    public Endpoint {
      Objects.requireNonNull(provider, "provider");
      kinds = Set.copyOf(kinds);
    }

    @Override
    public String type() {
      return switch (provider) {
        case OPENAI_COMPATIBLE -> "openai-compatible";
        case ANTHROPIC -> "anthropic";
        case OLLAMA -> "ollama";
      };
    }

    @Override
    public String describe() {
      return model + " at " + baseUrl;
    }
  }

  /** A GGUF model file run in process by llama.cpp; free per token, as its compute is the operator's. */
  record Gguf(String id, Path file, Set<String> kinds, double quality, BidderProfile profile, int contextSize,
      int threads) implements ModelSpec {

    public Gguf {
      kinds = Set.copyOf(kinds);
    }

    @Override
    public String type() {
      return "gguf";
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /** OpenNLP language identification for one kind. */
  record Language(String id, String kind) implements ModelSpec {
    @Override
    public String type() {
      return "language";
    }

    @Override
    public BidderProfile profile() {
      return BidderProfile.local();
    }

    @Override
    public Set<String> kinds() {
      return Set.of(kind);
    }

    @Override
    public String describe() {
      return "OpenNLP language detector";
    }
  }

  /** The VADER sentiment lexicon for one kind, answering one of two labels. */
  record Sentiment(String id, String kind, String positiveLabel, String negativeLabel) implements ModelSpec {
    @Override
    public String type() {
      return "sentiment";
    }

    @Override
    public BidderProfile profile() {
      return BidderProfile.local();
    }

    @Override
    public Set<String> kinds() {
      return Set.of(kind);
    }

    @Override
    public String describe() {
      return "VADER " + positiveLabel + "/" + negativeLabel;
    }
  }

  /** An adaptive head over MiniLM sentence embeddings that learns a classification kind from feedback. */
  record Head(String id, String kind, Algorithm algorithm) implements ModelSpec {

    /** How the head classifies an embedding. */
    public enum Algorithm { LOGISTIC, KNN }

    @Override
    public String type() {
      return "head";
    }

    @Override
    public BidderProfile profile() {
      return BidderProfile.local();
    }

    @Override
    public Set<String> kinds() {
      return Set.of(kind);
    }

    @Override
    public String describe() {
      return algorithm.name().toLowerCase(java.util.Locale.ROOT) + " head over MiniLM";
    }
  }
}
