package dev.atomic.models.config;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.models.llm.Price;
import dev.atomic.models.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
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

  /** An in-process model that serves one microtask kind: on premises and sovereign. */
  sealed interface LocalKindSpec extends ModelSpec {

    /** The one kind it serves. */
    String kind();

    @Override
    default BidderProfile profile() {
      return BidderProfile.local();
    }

    @Override
    default Set<String> kinds() {
      return Set.of(kind());
    }
  }

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
      Checks.id(id);
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(keyName, "keyName");
      Objects.requireNonNull(price, "price");
      kinds = Set.copyOf(kinds);
      Checks.quality(id, quality);
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(timeout, "timeout");
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
      Checks.id(id);
      Objects.requireNonNull(file, "file");
      kinds = Set.copyOf(kinds);
      Checks.quality(id, quality);
      Objects.requireNonNull(profile, "profile");
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
  record Language(String id, String kind) implements LocalKindSpec {
    public Language {
      Checks.id(id);
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String type() {
      return "language";
    }

    @Override
    public String describe() {
      return "OpenNLP language detector";
    }
  }

  /** The VADER sentiment lexicon for one kind, answering one of two labels. */
  record Sentiment(String id, String kind, String positiveLabel, String negativeLabel) implements LocalKindSpec {
    public Sentiment {
      Checks.id(id);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(positiveLabel, "positiveLabel");
      Objects.requireNonNull(negativeLabel, "negativeLabel");
    }

    @Override
    public String type() {
      return "sentiment";
    }

    @Override
    public String describe() {
      return "VADER " + positiveLabel + "/" + negativeLabel;
    }
  }

  /** An adaptive head over MiniLM sentence embeddings that learns a classification kind from feedback. */
  record Head(String id, String kind, Algorithm algorithm) implements LocalKindSpec {

    /** How the head classifies an embedding. */
    public enum Algorithm { LOGISTIC, KNN }

    public Head {
      Checks.id(id);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public String type() {
      return "head";
    }

    @Override
    public String describe() {
      return algorithm.name().toLowerCase(Locale.ROOT) + " head over MiniLM";
    }
  }

  /** Checks shared by the entries. */
  final class Checks {
    private Checks() {}

    static void id(String id) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("a model's id must not be blank");
      }
    }

    static void quality(String id, double quality) {
      if (!(quality >= 0 && quality <= 1)) {
        throw new IllegalArgumentException("model '" + id + "': quality must be in [0, 1], was " + quality);
      }
    }
  }
}
