package dev.atomic.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.output.bind.Binder;
import dev.atomic.output.parse.Repair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the malformed-output corpus (src/test/resources/corpus): every case must parse to its expected value with at least
 * the expected repairs reported, or be refused with the expected reason.
 */
class CorpusTest {

  static final List<String> FILES = List.of("corpus/malformed.jsonl", "corpus/tricky.jsonl");
  static final Map<String, Class<?>> TYPES = Map.of(
      "SpamVerdict", Fixtures.SpamVerdict.class,
      "Ticket", Fixtures.Ticket.class,
      "Plan", Fixtures.Plan.class,
      "Category", Fixtures.Category.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final OutputCatalog OUTPUTS = OutputCatalog.withDefaults();
  private static final Map<Class<?>, Binder> BINDERS = new java.util.concurrent.ConcurrentHashMap<>();

  /** One corpus line. */
  record Case(String id, String type, String category, String input, JsonNode expect, List<String> repairs,
      String reject) {}

  static List<Case> load() {
    List<Case> cases = new ArrayList<>();
    for (String file : FILES) {
      try (InputStream in = CorpusTest.class.getClassLoader().getResourceAsStream(file)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          List<String> repairs = new ArrayList<>();
          n.path("repairs").forEach(r -> repairs.add(r.asString()));
          cases.add(new Case(n.get("id").asString(), n.get("type").asString(), n.get("category").asString(),
              n.get("input").asString(), n.get("expect"), repairs, n.has("reject") ? n.get("reject").asString() : null));
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> corpus_everyCaseParsesOrIsRefusedAsExpected() {
    return load().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
  }

  private static void check(Case c) {
    Class<?> type = TYPES.get(c.type());
    StructuredOutput<?> output = OUTPUTS.forType(type);
    if (c.reject() != null) {
      assertThatThrownBy(() -> output.parse(c.input()))
          .as("%s: %s", c.id(), c.input())
          .isInstanceOfSatisfying(OutputException.class,
              e -> assertThat(e.reason().name()).as(e.getMessage()).isEqualTo(c.reject()));
      return;
    }
    Parsed<?> parsed = output.parse(c.input());
    Object expected = BINDERS.computeIfAbsent(type, Binder::forType).bind(c.expect());
    assertThat(parsed.value()).as("%s: %s -> %s", c.id(), c.input(), parsed.repairs()).isEqualTo(expected);
    List<String> kinds = parsed.repairs().stream().map(r -> r.kind().name()).toList();
    assertThat(kinds).as("%s repairs", c.id()).containsAll(c.repairs());
  }

  @Test
  void corpus_hasAtLeast300CasesCoveringEveryRepairAndRejection() {
    List<Case> cases = load();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    Set<Repair.Kind> covered = EnumSet.noneOf(Repair.Kind.class);
    cases.forEach(c -> c.repairs().forEach(k -> covered.add(Repair.Kind.valueOf(k))));
    // INVALID_UTF8 needs raw bytes, and Atomic's own schemas make optional properties nullable, so DROPPED_NULL and
    // BOOLEAN_TO_STRING need hand-written schemas: LenientParserTest and SchemaAlignerTest cover those three
    assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).containsOnly(Repair.Kind.INVALID_UTF8,
        Repair.Kind.BOOLEAN_TO_STRING, Repair.Kind.DROPPED_NULL);
    assertThat(cases.stream().filter(c -> c.reject() != null).map(Case::reject).distinct())
        .containsExactlyInAnyOrder("NO_VALUE", "AMBIGUOUS", "INVALID", "TOO_LARGE");
  }
}
