package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atomic.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The server's configuration reader ({@link ServerConfig#load}) on generated YAML files and environments: a config, or
 * an {@link IllegalArgumentException} (the documented error) naming the file or the variable at fault.
 */
class ConfigFuzzProperties {

  private static final List<String> VALID = List.of("""
      server:
        host: 127.0.0.1
        port: 8080
        maxBodyBytes: 1048576
      store:
        url: data/atomic.db
        user: atomic
        schema: atomic
      exchange:
        seed: 42
        costWeight: 20
        latencyWeight: 0.05
      telemetry:
        otlpEndpoint: http://127.0.0.1:4318
        otlpHeaders: { api-key: secret }
        serviceName: atomic
      dashboard:
        premiumBidder: premium
      """, """
      server: { port: 0 }
      store: { url: "jdbc:postgresql://127.0.0.1:5432/test", user: postgres, password: pw, schema: s }
      """);
  private static final List<String> VARIABLES = List.of("ATOMIC_HOST", "ATOMIC_PORT", "ATOMIC_MAX_BODY_BYTES",
      "ATOMIC_DB_URL", "ATOMIC_DB_USER", "ATOMIC_DB_PASSWORD", "ATOMIC_DB_SCHEMA", "ATOMIC_SEED",
      "ATOMIC_OTLP_ENDPOINT", "ATOMIC_SERVICE_NAME", "ATOMIC_OTLP_HEADERS");

  private static Path dir;

  @BeforeContainer
  static void folder() throws Exception {
    dir = Files.createTempDirectory("atomic-config-fuzz");
  }

  @AfterContainer
  static void clean() throws Exception {
    try (var files = Files.list(dir)) {
      files.forEach(f -> f.toFile().delete());
    }
    Files.deleteIfExists(dir);
  }

  @Property(tries = 1000, seed = "20261126")
  void load_anyFileAndEnvironment_configOrIllegalArgumentNamingTheSource(@ForAll("files") byte[] yaml,
      @ForAll("environments") Map<String, String> env) throws Exception {
    Path file = dir.resolve("atomic.yaml");
    Files.write(file, yaml);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        ServerConfig config = ServerConfig.load(file, env);
        assertThat(config.port()).isBetween(0, 65_535);
        // A secret never shows in the printed config.
        if (config.storePassword() != null && config.storePassword().reveal().length() > 3) {
          assertThat(config.toString()).doesNotContain(config.storePassword().reveal());
        }
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).as("for %s and %s", new String(yaml, StandardCharsets.UTF_8), env)
            .satisfiesAnyOf(m -> assertThat(m).contains(file.toString()), m -> assertThat(m).contains("ATOMIC_"));
      }
    });
  }

  @Provide
  Arbitrary<byte[]> files() {
    Arbitrary<String> wrongValue = Combinators.combine(Arbitraries.of("host", "port", "maxBodyBytes", "url", "user",
        "password", "schema", "seed", "costWeight", "latencyWeight", "otlpEndpoint", "serviceName", "premiumBidder",
        "server", "store", "exchange", "telemetry", "otlpHeaders"), Hostile.jsonValue())
        .as((key, value) -> VALID.getFirst().replaceFirst("(?m)^(\\s*)" + key + ":.*$",
            "$1" + key + ": " + value.replace("$", "\\$")));
    return Hostile.body(VALID, List.of("server", "store", "exchange", "telemetry", "dashboard"))
        .flatMap(b -> Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(b)),
            net.jqwik.api.Tuple.of(2, wrongValue.map(s -> s.getBytes(StandardCharsets.UTF_8)))));
  }

  @Provide
  Arbitrary<Map<String, String>> environments() {
    Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", " ", "0", "-1", "65536", "80", "abc", "1e3",
        "jdbc:mysql://x", "jdbc:postgresql://127.0.0.1/test", "ftp://x", "http://127.0.0.1:4318", "a=b,c=d", "=x",
        "a=", ",,,", "9223372036854775808", "127.0.0.1", "NaN"), Arbitraries.strings().ofMaxLength(40));
    return Arbitraries.maps(Arbitraries.of(VARIABLES), value).ofMaxSize(4);
  }
}
