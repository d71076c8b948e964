package dev.atomic.output.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the official JSON Schema test suite (draft 2020-12, required tests, not {@code optional/}) against the validation
 * layer, read in place from {@code ../shared/data}; its remote documents ({@code http://localhost:1234/...}) are mapped
 * to the suite's local {@code remotes/} folder. Fails if the pass rate drops below what was measured; skipped when the
 * data folder is absent.
 */
class SchemaValidatorConformanceTest {

  /** Measured 2026-11-26 with json-schema-validator 3.0.9: 1299 of 1299 (100%); half a point of margin. */
  static final double MIN_PASS_RATE = 0.995;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Path suite() {
    for (String candidate : List.of("../shared/data", "../../shared/data", "../../../shared/data")) {
      Path p = Path.of(candidate, "json-schema-test-suite-draft2020-12").toAbsolutePath().normalize();
      if (Files.isDirectory(p.resolve("tests/draft2020-12"))) {
        return p;
      }
    }
    return null;
  }

  @Test
  void officialSuite_passRateAtLeastMeasured() throws IOException {
    Path suite = suite();
    assumeTrue(suite != null, "JSON Schema test suite not found at ../shared/data/json-schema-test-suite-draft2020-12;"
        + " conformance not measured");
    SchemaValidator.Loader loader = new SchemaValidator.Loader(
        Map.of("http://localhost:1234/", suite.resolve("remotes").toUri().toString()));
    Map<String, int[]> byFile = new TreeMap<>();
    int passed = 0;
    int total = 0;
    try (Stream<Path> files = Files.list(suite.resolve("tests/draft2020-12"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        int[] counts = new int[2];
        for (JsonNode group : JSON.readTree(file.toFile())) {
          SchemaValidator validator;
          try {
            validator = loader.load(group.get("schema"));
          } catch (RuntimeException e) {
            validator = null; // a schema the library cannot compile: every test of the group counts as failed
          }
          for (JsonNode test : group.get("tests")) {
            boolean expected = test.get("valid").asBoolean();
            boolean ok;
            try {
              ok = validator != null && validator.accepts(test.get("data")) == expected;
            } catch (RuntimeException e) {
              ok = false;
            }
            counts[0] += ok ? 1 : 0;
            counts[1]++;
          }
        }
        byFile.put(file.getFileName().toString(), counts);
        passed += counts[0];
        total += counts[1];
      }
    }
    double rate = (double) passed / total;
    StringBuilder report = new StringBuilder(String.format(java.util.Locale.ROOT,
        "JSON Schema test suite draft2020-12: %d of %d tests pass (%.2f%%)%n", passed, total, rate * 100));
    byFile.forEach((f, c) -> {
      if (c[0] < c[1]) {
        report.append("  ").append(f).append(": ").append(c[0]).append('/').append(c[1]).append('\n');
      }
    });
    System.out.print(report);
    assertThat(total).isGreaterThan(1000);
    assertThat(rate).as(report.toString()).isGreaterThanOrEqualTo(MIN_PASS_RATE);
  }
}
