package dev.atomic.models.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.models.llm.LlmEndpoint;
import dev.atomic.models.llm.Price;
import dev.atomic.models.llm.Provider;
import dev.atomic.task.Microtask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one entry of the {@code models:} list, checking each key as it goes; every message names the entry. */
final class EntryReader {

  private static final Set<String> ENDPOINT_KEYS = Set.of("id", "type", "baseUrl", "model", "apiKeyName", "price",
      "kinds", "quality", "profile", "timeout", "streaming");
  private static final Map<String, Set<String>> KEYS = Map.of(
      "openai-compatible", ENDPOINT_KEYS,
      "anthropic", ENDPOINT_KEYS,
      "ollama", ENDPOINT_KEYS,
      "gguf", Set.of("id", "type", "file", "kinds", "quality", "profile", "contextSize", "threads"),
      "language", Set.of("id", "type", "kind"),
      "sentiment", Set.of("id", "type", "kind", "positive", "negative"),
      "head", Set.of("id", "type", "kind", "algorithm"));
  private static final Set<String> PROFILE_KEYS = Set.of("vendor", "region", "onPremises", "sovereign", "tags");
  private static final Set<String> PRICE_KEYS = Set.of("inputPerMillion", "outputPerMillion");
  // Upper-case letters, digits and '_': the shape of an environment variable. A pasted key (sk-..., lower case,
  // dashes) never fits, so it is refused without being echoed.
  private static final Pattern KEY_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

  private final String source;
  private final int index;
  private final JsonNode entry;
  private String where;

  EntryReader(String source, int index, JsonNode entry) {
    this.source = source;
    this.index = index;
    this.entry = entry;
    this.where = source + ": models[" + index + "]";
  }

  ModelSpec read() {
    if (entry == null || !entry.isObject()) {
      throw error("must be a mapping with an id and a type");
    }
    String id = text(entry, "id").orElseThrow(() -> error("has no 'id'"));
    where = source + ": models[" + index + "] (id '" + id + "')";
    String type = text(entry, "type").orElseThrow(() -> error("has no 'type'; known: " + new TreeSet<>(KEYS.keySet())));
    Set<String> known = KEYS.get(type);
    if (known == null) {
      throw error("has unknown type '" + type + "'; known: " + new TreeSet<>(KEYS.keySet()));
    }
    onlyKeys(entry, known, "type " + type);
    return switch (type) {
      case "openai-compatible" -> endpoint(id, Provider.OPENAI_COMPATIBLE);
      case "anthropic" -> endpoint(id, Provider.ANTHROPIC);
      case "ollama" -> endpoint(id, Provider.OLLAMA);
      case "gguf" -> gguf(id);
      case "language" -> new ModelSpec.Language(id, kind());
      case "sentiment" -> new ModelSpec.Sentiment(id, kind(), required("positive"), required("negative"));
      case "head" -> head(id);
      default -> throw new IllegalStateException("type " + type + " has keys but no reader");
    };
  }

  private ModelSpec endpoint(String id, Provider provider) {
    String baseUrl = text(entry, "baseUrl").orElse(provider == Provider.OPENAI_COMPATIBLE ? null
        : provider.defaultBaseUrl());
    if (baseUrl == null) {
      throw error("needs a 'baseUrl', such as https://api.openai.com/v1 or http://localhost:8000/v1");
    }
    String model = required("model");
    Optional<String> keyName = text(entry, "apiKeyName");
    keyName.ifPresent(this::checkKeyName);
    if (provider == Provider.ANTHROPIC && keyName.isEmpty()) {
      keyName = Optional.of(provider.keyVariable());
    }
    if (provider == Provider.OLLAMA && keyName.isPresent()) {
      throw error("'apiKeyName' does not apply to ollama, which takes no key");
    }
    Optional<Price> price = entry.has("price") ? Optional.of(price(entry.get("price"))) : Optional.empty();
    BidderProfile profile = profile(provider == Provider.OLLAMA ? BidderProfile.local()
        : BidderProfile.hosted(provider.vendor(), "unspecified"));
    Duration timeout = entry.has("timeout") ? duration("timeout") : LlmEndpoint.DEFAULT_TIMEOUT;
    boolean streaming = bool(entry, "streaming", false);
    ModelSpec.Endpoint spec = new ModelSpec.Endpoint(id, provider, baseUrl, model, keyName, price, kinds(),
        quality(), profile, timeout, streaming);
    try {
      // The endpoint checks the URL and timeout; a throwaway one catches a bad value now, not at startup.
      new LlmEndpoint(provider, baseUrl, model, null, timeout);
    } catch (IllegalArgumentException e) {
      if (provider != Provider.ANTHROPIC || !e.getMessage().contains("API key")) {
        throw error(e.getMessage());
      }
    }
    return spec;
  }

  private ModelSpec gguf(String id) {
    Path file = Path.of(required("file"));
    int contextSize = integer("contextSize", 2048, 16, 1 << 20);
    int threads = integer("threads", Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 1, 1024);
    return new ModelSpec.Gguf(id, file, kinds(), quality(), profile(BidderProfile.local()), contextSize, threads);
  }

  private ModelSpec head(String id) {
    String kind = kind();
    String algorithm = required("algorithm");
    return switch (algorithm) {
      case "logistic" -> new ModelSpec.Head(id, kind, ModelSpec.Head.Algorithm.LOGISTIC);
      case "knn" -> new ModelSpec.Head(id, kind, ModelSpec.Head.Algorithm.KNN);
      default -> throw error("'algorithm' must be logistic or knn, was '" + algorithm + "'");
    };
  }

  private void checkKeyName(String name) {
    if (!KEY_NAME.matcher(name).matches()) {
      // Never echo the value: it may be the key itself, pasted where its name belongs.
      throw error("'apiKeyName' must be the NAME of an environment variable or secrets-file entry (upper-case "
          + "letters, digits, '_'), such as ATOMIC_OPENAI_API_KEY; the value given is not shown, in case it is a key");
    }
  }

  private Price price(JsonNode node) {
    if (!node.isObject()) {
      throw error("'price' must be a mapping with inputPerMillion and outputPerMillion (USD)");
    }
    onlyKeys(node, PRICE_KEYS, "price");
    double input = number(node, "price.inputPerMillion", "inputPerMillion", 0, 10_000);
    double output = number(node, "price.outputPerMillion", "outputPerMillion", 0, 10_000);
    return new Price(input, output);
  }

  private BidderProfile profile(BidderProfile fallback) {
    JsonNode node = entry.get("profile");
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isObject()) {
      throw error("'profile' must be a mapping with any of " + new TreeSet<>(PROFILE_KEYS));
    }
    onlyKeys(node, PROFILE_KEYS, "profile");
    return new BidderProfile(
        text(node, "vendor").orElse(fallback.vendor()),
        text(node, "region").orElse(fallback.region()),
        bool(node, "onPremises", fallback.onPremises()),
        bool(node, "sovereign", fallback.sovereign()),
        strings(node, "profile.tags", "tags"));
  }

  private Set<String> kinds() {
    Set<String> kinds = strings(entry, "kinds", "kinds");
    for (String kind : kinds) {
      checkKind(kind);
    }
    return kinds;
  }

  private String kind() {
    String kind = required("kind");
    checkKind(kind);
    return kind;
  }

  private void checkKind(String kind) {
    try {
      Microtask.checkKind(kind);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private double quality() {
    return entry.has("quality") ? number(entry, "quality", "quality", 0, 1) : 0.7;
  }

  private Duration duration(String key) {
    String text = text(entry, key).orElseThrow();
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw error("'" + key + "' must be a positive duration such as 500ms, 30s or 2m; was '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  private int integer(String key, int fallback, int min, int max) {
    JsonNode node = entry.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
      throw error("'" + key + "' must be an integer in [" + min + ", " + max + "], was '" + node.asText() + "'");
    }
    return node.asInt();
  }

  private double number(JsonNode parent, String label, String key, double min, double max) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      throw error("needs '" + label + "'");
    }
    if (!node.isNumber() || !(node.asDouble() >= min && node.asDouble() <= max)) {
      throw error("'" + label + "' must be a number in [" + min + ", " + max + "], was '" + node.asText() + "'");
    }
    return node.asDouble();
  }

  private boolean bool(JsonNode parent, String key, boolean fallback) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw error("'" + key + "' must be true or false, was '" + node.asText() + "'");
    }
    return node.asBoolean();
  }

  private Set<String> strings(JsonNode parent, String label, String key) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Set.of();
    }
    if (!node.isArray()) {
      throw error("'" + label + "' must be a list, such as [email.reply, email.summary]");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw error("'" + label + "' must hold non-blank names, had '" + item + "'");
      }
      values.add(item.asText());
    }
    return Set.copyOf(new HashSet<>(values));
  }

  private String required(String key) {
    return text(entry, key).orElseThrow(() -> error("needs '" + key + "'"));
  }

  private Optional<String> text(JsonNode parent, String key) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isValueNode() || node.asText().isBlank()) {
      throw error("'" + key + "' must be a non-blank single value");
    }
    return Optional.of(node.asText());
  }

  private void onlyKeys(JsonNode node, Set<String> known, String what) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw error("has unknown key '" + name + "'; known for " + what + ": " + new TreeSet<>(known));
      }
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(where + " " + problem);
  }
}
