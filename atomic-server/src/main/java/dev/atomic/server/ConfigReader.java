package dev.atomic.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.atomic.exchange.Utility;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a {@link ServerConfig}: the YAML file over the defaults, then environment variables over the file. Unknown keys
 * are errors, so a misspelt setting is never silently ignored.
 */
final class ConfigReader {

  private static final Map<String, Set<String>> SECTIONS = Map.of(
      "server", Set.of("host", "port", "maxBodyBytes"),
      "store", Set.of("url", "user", "password", "schema", "checkpointSeconds"),
      "exchange", Set.of("seed", "costWeight", "latencyWeight"),
      "telemetry", Set.of("otlpEndpoint", "otlpHeaders", "serviceName"),
      "dashboard", Set.of("premiumBidder"),
      "tenants", Set.of("requireApiKeys", "requestsPerSecond", "burst", "budgetsUsdPerDay", "sharedLearning",
          "keyCacheSeconds"));

  /** Budgets arrive as a mapping; each becomes the flat key {@code tenants.budgetsUsdPerDay.<tenant>}. */
  private static final String BUDGETS = "tenants.budgetsUsdPerDay";

  /** The models the service registers; this reader leaves the section to {@code ModelsConfig} in atomic-models. */
  static final String MODELS_SECTION = "models";

  private ConfigReader() {}

  static ServerConfig read(Path yamlFile, Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> headers = new HashMap<>();
    String source = "defaults";
    if (yamlFile != null) {
      source = yamlFile.toString();
      flatten(yamlFile, values, headers);
    }
    envOverride(env, "ATOMIC_HOST", "server.host", values);
    envOverride(env, "ATOMIC_PORT", "server.port", values);
    envOverride(env, "ATOMIC_MAX_BODY_BYTES", "server.maxBodyBytes", values);
    envOverride(env, "ATOMIC_DB_URL", "store.url", values);
    envOverride(env, "ATOMIC_DB_USER", "store.user", values);
    envOverride(env, "ATOMIC_DB_PASSWORD", "store.password", values);
    envOverride(env, "ATOMIC_DB_SCHEMA", "store.schema", values);
    envOverride(env, "ATOMIC_SEED", "exchange.seed", values);
    envOverride(env, "ATOMIC_OTLP_ENDPOINT", "telemetry.otlpEndpoint", values);
    envOverride(env, "ATOMIC_SERVICE_NAME", "telemetry.serviceName", values);
    envOverride(env, "ATOMIC_REQUIRE_API_KEYS", "tenants.requireApiKeys", values);
    String envHeaders = env.get("ATOMIC_OTLP_HEADERS");
    if (envHeaders != null) {
      headers.clear();
      headers.putAll(parseHeaders(envHeaders));
    }
    ServerConfig d = ServerConfig.defaults();
    try {
      return new ServerConfig(
          values.getOrDefault("server.host", d.host()),
          integer(values, "server.port", d.port()),
          longValue(values, "server.maxBodyBytes", d.maxBodyBytes()),
          values.getOrDefault("store.url", d.storeUrl()),
          values.getOrDefault("store.user", d.storeUser()),
          values.containsKey("store.password") ? Secret.of(values.get("store.password")) : null,
          values.getOrDefault("store.schema", d.storeSchema()),
          values.containsKey("exchange.seed") ? longValue(values, "exchange.seed", 0) : null,
          Utility.of(decimal(values, "exchange.costWeight", d.utility().costWeight()),
              decimal(values, "exchange.latencyWeight", d.utility().latencyWeight())),
          values.containsKey("telemetry.otlpEndpoint") ? uri(values.get("telemetry.otlpEndpoint")) : null,
          secrets(headers),
          values.getOrDefault("telemetry.serviceName", d.serviceName()),
          values.get("dashboard.premiumBidder"),
          tenancy(values),
          integer(values, "store.checkpointSeconds", d.checkpointSeconds()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("configuration from " + source + " (and ATOMIC_* variables) is invalid: "
          + e.getMessage(), e);
    }
  }

  private static void flatten(Path file, Map<String, String> values, Map<String, String> headers) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("configuration file " + file + " must hold a YAML mapping, was "
          + root.getNodeType());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      if (section.getKey().equals(MODELS_SECTION)) {
        continue; // read and checked by dev.atomic.models.config.ModelsConfig, beside the model types it builds
      }
      Set<String> keys = SECTIONS.get(section.getKey());
      if (keys == null) {
        throw new IllegalArgumentException("configuration file " + file + " has unknown section '" + section.getKey()
            + "'; known: " + SECTIONS.keySet() + " and " + MODELS_SECTION);
      }
      if (section.getValue().isNull()) {
        continue; // a section whose every key is commented out
      }
      if (!section.getValue().isObject()) {
        throw new IllegalArgumentException("configuration file " + file + ": '" + section.getKey()
            + "' must be a mapping");
      }
      for (Iterator<Map.Entry<String, JsonNode>> f = section.getValue().fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> field = f.next();
        String key = section.getKey() + "." + field.getKey();
        if (!keys.contains(field.getKey())) {
          throw new IllegalArgumentException("configuration file " + file + " has unknown key '" + key
              + "'; known in '" + section.getKey() + "': " + keys);
        }
        JsonNode value = field.getValue();
        if (key.equals(BUDGETS)) {
          if (!value.isObject()) {
            throw new IllegalArgumentException("configuration file " + file + ": '" + key
                + "' must be a mapping of tenant to USD per day");
          }
          value.properties().forEach(b -> values.put(BUDGETS + "." + b.getKey(), b.getValue().asText()));
        } else if (key.equals("tenants.sharedLearning") && value.isArray()) {
          List<String> tenants = new ArrayList<>();
          value.forEach(t -> tenants.add(t.asText()));
          values.put(key, String.join(",", tenants));
        } else if (key.equals("telemetry.otlpHeaders")) {
          if (!value.isObject()) {
            throw new IllegalArgumentException("configuration file " + file + ": '" + key + "' must be a mapping");
          }
          value.fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        } else if (!value.isNull()) {
          if (!value.isValueNode()) {
            throw new IllegalArgumentException("configuration file " + file + ": '" + key + "' must be a single value");
          }
          values.put(key, value.asText());
        }
      }
    }
  }

  private static TenancyConfig tenancy(Map<String, String> values) {
    TenancyConfig d = TenancyConfig.defaults();
    Map<String, Double> budgets = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(BUDGETS + ".")) {
        budgets.put(k.substring(BUDGETS.length() + 1), decimal(values, k, 0));
      }
    });
    Set<String> shared = new TreeSet<>();
    for (String tenant : values.getOrDefault("tenants.sharedLearning", "").split(",")) {
      if (!tenant.isBlank()) {
        shared.add(tenant.strip());
      }
    }
    String require = values.getOrDefault("tenants.requireApiKeys", Boolean.toString(d.requireApiKeys()));
    if (!require.equals("true") && !require.equals("false")) {
      throw new IllegalArgumentException("tenants.requireApiKeys must be true or false, was '" + require + "'");
    }
    return new TenancyConfig(Boolean.parseBoolean(require),
        decimal(values, "tenants.requestsPerSecond", d.requestsPerSecond()),
        integer(values, "tenants.burst", d.burst()), budgets, shared,
        integer(values, "tenants.keyCacheSeconds", d.keyCacheSeconds()));
  }

  private static void envOverride(Map<String, String> env, String variable, String key, Map<String, String> values) {
    String value = env.get(variable);
    if (value != null && !value.isBlank()) {
      values.put(key, value.strip());
    }
  }

  /** {@code name=value,name=value}, the OpenTelemetry convention for exporter headers. */
  private static Map<String, String> parseHeaders(String text) {
    Map<String, String> headers = new HashMap<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        // The value may be a key: name the position, never echo the text.
        throw new IllegalArgumentException("ATOMIC_OTLP_HEADERS must be name=value pairs separated by commas; pair "
            + (headers.size() + 1) + " has no name");
      }
      headers.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return headers;
  }

  private static Map<String, Secret> secrets(Map<String, String> headers) {
    Map<String, Secret> out = new HashMap<>();
    headers.forEach((k, v) -> out.put(k, Secret.of(v)));
    return out;
  }

  private static int integer(Map<String, String> values, String key, int fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'");
    }
  }

  private static long longValue(Map<String, String> values, String key, long fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'");
    }
  }

  private static double decimal(Map<String, String> values, String key, double fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + v + "'");
    }
  }

  private static URI uri(String value) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("telemetry.otlpEndpoint must be a URL, was '" + value + "'");
    }
  }
}
