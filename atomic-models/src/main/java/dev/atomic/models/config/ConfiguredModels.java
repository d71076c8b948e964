package dev.atomic.models.config;

import dev.atomic.adapt.Adaptation;
import dev.atomic.bidding.Bidder;
import dev.atomic.models.embed.MiniLmEmbedder;
import dev.atomic.models.embed.TextEmbedder;
import dev.atomic.models.llm.LlmBidder;
import dev.atomic.models.llm.LlmEndpoint;
import dev.atomic.models.llm.Secret;
import dev.atomic.models.llm.Secrets;
import dev.atomic.models.llm.gguf.GgufModel;
import dev.atomic.models.local.ComputeCost;
import dev.atomic.models.local.LanguageBidder;
import dev.atomic.models.local.SentimentBidder;
import dev.atomic.models.local.VaderSentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bidders a {@link ModelsConfig} declares, built and owned: closing this closes every model it opened (HTTP
 * clients, llama.cpp contexts, the embedder of the heads). Keys come from {@link Secrets} by the name each entry gives.
 *
 * <p>Heads share one {@link Adaptation} over one MiniLM embedder, loaded only when some entry is a head; register
 * {@link #adaptation()} as the learner where feedback should teach them.
 */
public final class ConfiguredModels implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredModels.class);

  private final List<ModelSpec> specs;
  private final List<Bidder> bidders;
  private final List<AutoCloseable> owned;
  private final Adaptation adaptation;

  private ConfiguredModels(List<ModelSpec> specs, List<Bidder> bidders, List<AutoCloseable> owned,
      Adaptation adaptation) {
    this.specs = List.copyOf(specs);
    this.bidders = List.copyOf(bidders);
    this.owned = List.copyOf(owned);
    this.adaptation = adaptation;
  }

  /** Builds every declared model, with MiniLM as the heads' embedder. */
  public static ConfiguredModels create(ModelsConfig config, Secrets secrets) {
    return create(config, secrets, MiniLmEmbedder::new);
  }

  /**
   * Builds every declared model.
   *
   * @param embedder makes the heads' embedder; called once, and only when some entry is a head
   * @throws IllegalArgumentException naming the entry when a model cannot be built (a missing key, an unpriced model,
   *     a missing file); models already built are closed first
   */
  public static ConfiguredModels create(ModelsConfig config, Secrets secrets, Supplier<TextEmbedder> embedder) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(embedder, "embedder");
    List<Bidder> bidders = new ArrayList<>();
    List<AutoCloseable> owned = new ArrayList<>();
    Adaptation adaptation = null;
    VaderSentiment vader = null;
    try {
      for (ModelSpec spec : config.models()) {
        try {
          Bidder bidder = switch (spec) {
            case ModelSpec.Endpoint e -> endpoint(e, secrets);
            case ModelSpec.Gguf g -> gguf(g);
            case ModelSpec.Language l -> LanguageBidder.load(l.id(), l.kind(), ComputeCost.defaults());
            case ModelSpec.Sentiment s -> {
              vader = vader == null ? VaderSentiment.load() : vader;
              yield SentimentBidder.of(s.id(), s.kind(), s.positiveLabel(), s.negativeLabel(), vader,
                  ComputeCost.defaults());
            }
            case ModelSpec.Head h -> {
              if (adaptation == null) {
                TextEmbedder model = embedder.get();
                owned.add(model);
                adaptation = Adaptation.builder(model).build();
              }
              yield h.algorithm() == ModelSpec.Head.Algorithm.LOGISTIC
                  ? adaptation.logisticHead(h.kind(), h.id())
                  : adaptation.knnHead(h.kind(), h.id());
            }
          };
          bidders.add(bidder);
          if (bidder instanceof AutoCloseable closeable) {
            owned.add(closeable);
          }
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("model '" + spec.id() + "' (" + spec.type() + ") cannot be built: "
              + e.getMessage(), e);
        }
      }
    } catch (RuntimeException e) {
      closeAll(owned);
      throw e;
    }
    return new ConfiguredModels(config.models(), bidders, owned, adaptation);
  }

  private static Bidder endpoint(ModelSpec.Endpoint spec, Secrets secrets) {
    Secret key = spec.keyName().map(secrets::require).orElse(null);
    LlmEndpoint endpoint = new LlmEndpoint(spec.provider(), spec.baseUrl(), spec.model(), key, spec.timeout());
    LlmBidder.Builder builder = LlmBidder.builder(spec.id(), endpoint)
        .modelName(spec.model())
        .quality(spec.quality(), 0.2)
        .timeout(spec.timeout())
        .profile(spec.profile())
        .kinds(spec.kinds());
    spec.price().ifPresent(builder::price);
    if (spec.streaming()) {
      builder.streaming();
    }
    return builder.build();
  }

  private static Bidder gguf(ModelSpec.Gguf spec) {
    GgufModel model = GgufModel.builder(spec.file()).contextSize(spec.contextSize()).threads(spec.threads()).load();
    try {
      return model.bidder(spec.id()).quality(spec.quality(), 0.2).profile(spec.profile()).kinds(spec.kinds()).build();
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The declared models, in file order. */
  public List<ModelSpec> specs() {
    return specs;
  }

  /** One bidder per declared model, in file order; register each with an exchange. */
  public List<Bidder> bidders() {
    return bidders;
  }

  /** The heads' learner, when some model is a head. */
  public Optional<Adaptation> adaptation() {
    return Optional.ofNullable(adaptation);
  }

  @Override
  public void close() {
    closeAll(owned);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources.reversed()) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} failed: {}", resource, e.toString());
      }
    }
  }
}
