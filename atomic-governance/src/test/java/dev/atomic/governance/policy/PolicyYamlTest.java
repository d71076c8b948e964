package dev.atomic.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.task.Microtask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyYamlTest {

  static final String VALID = """
      mode: normal
      rules:
        - name: cards-stay-home
          classes: [pci.card]
          onPremises: true
        - name: eu-pii
          classes: ["pii.*"]
          regions: [eu-west, eu-central]
          vendors: mistral
        - name: no-secrets
          classes: ["secret.*"]
          deny: true
      """;

  @Test
  void parse_validDocument_buildsRulesWithTheirLines() {
    DataPolicy policy = PolicyYaml.parse(VALID);

    assertThat(policy.isCleanRoom()).isFalse();
    assertThat(policy.rules()).extracting(Rule::name).containsExactly("cards-stay-home", "eu-pii", "no-secrets");
    assertThat(policy.rules()).extracting(Rule::line).containsExactly(3, 6, 10);
    assertThat(policy.rules().get(1).vendors()).containsExactly("mistral");
    Microtask card = Microtask.builder("pay.check").dataClasses(Set.of("pci.card")).build();
    assertThat(policy.exclude(card, "gpt", BidderProfile.hosted("openai", "us")))
        .hasValueSatisfying(why -> assertThat(why).startsWith("rule 'cards-stay-home' (line 3) forbids data class "
            + "'pci.card' to bidder 'gpt'"));
  }

  @Test
  void parse_cleanRoomMode() {
    DataPolicy policy = PolicyYaml.parse("mode: clean-room\nrules: []\n");
    assertThat(policy.isCleanRoom()).isTrue();
    assertThat(policy.rules()).isEmpty();
  }

  @Test
  void load_readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, VALID);
    assertThat(PolicyYaml.load(file).rules()).hasSize(3);
    assertThatThrownBy(() -> PolicyYaml.load(dir.resolve("missing.yaml")))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("cannot read policy file");
  }

  private static void fails(String yaml, int line, String... fragments) {
    assertThatThrownBy(() -> PolicyYaml.parse(yaml))
        .isInstanceOf(PolicyFormatException.class)
        .satisfies(e -> assertThat(((PolicyFormatException) e).line()).isEqualTo(line))
        .hasMessageContainingAll(fragments);
  }

  @Test
  void parse_unknownRuleKey_namesLineRuleAndKey() {
    fails("""
        rules:
          - name: cards
            classes: [pci.card]
            region: eu-west
        """, 4, "policy line 4", "rule #1 'cards'", "unknown key 'region'", "regions");
  }

  @Test
  void parse_wrongValueTypes_areNamed() {
    fails("rules:\n  - name: a\n    classes: [pci.card]\n    onPremises: yes please\n", 4,
        "'onPremises' must be true or false", "rule #1 'a'");
    fails("rules:\n  - name: a\n    classes: {x: 1}\n", 3, "'classes' must be a list of strings");
    fails("rules:\n  - name: [a]\n    classes: [x]\n", 2, "'name' must be a string");
    fails("rules:\n  - name: a\n    classes: [x, 3]\n    deny: true\n", 3, "every entry of 'classes' must be a string");
  }

  @Test
  void parse_invalidRules_areNamedWithTheirLine() {
    fails("rules:\n  - name: a\n    classes: [pci.card]\n    deny: true\n"
        + "  - name: b\n    classes: [Bad Class]\n    deny: true\n", 5,
        "rule #2 'b'", "'Bad Class'");
    fails("rules:\n  - name: a\n    classes: [x]\n", 2, "rule #1 'a'", "neither denies nor sets any requirement");
    fails("rules:\n  - classes: [x]\n    deny: true\n", 2, "rule #1 has no 'name'");
    fails("rules:\n  - name: a\n    deny: true\n", 2, "rule #1 'a' has no 'classes'");
    fails("rules:\n  - name: a\n    classes: [x]\n    deny: true\n  - name: a\n    classes: [y]\n    deny: true\n", 5,
        "'a' is defined twice");
    fails("rules:\n  - name: a\n    name: b\n    classes: [x]\n    deny: true\n", 3, "key 'name' appears twice");
  }

  @Test
  void parse_badDocumentShapes() {
    fails("", 1, "must be a mapping");
    fails("- a\n- b\n", 1, "must be a mapping");
    fails("mode: normal\n", 0, "no 'rules' list");
    fails("rules: {}\n", 1, "'rules' must be a list");
    fails("rules:\n  - just a string\n", 2, "rule #1 must be a mapping");
    fails("mode: dirty\nrules: []\n", 1, "mode must be 'normal' or 'clean-room', was 'dirty'");
    fails("rulez: []\n", 1, "unknown top-level key 'rulez'");
    fails("rules: []\nrules: []\n", 2, "appears twice");
  }

  @Test
  void parse_syntaxErrors_carryTheirLine() {
    assertThatThrownBy(() -> PolicyYaml.parse("rules:\n  - name: a\n    classes: [x\n    deny: true\n"))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> PolicyYaml.parse(null)).isInstanceOf(PolicyFormatException.class);
    assertThatThrownBy(() -> PolicyYaml.parse("x".repeat(PolicyYaml.MAX_CHARS + 1)))
        .hasMessageContaining("more than the 1000000 allowed");
  }

  @Test
  void parse_aliasBomb_isRefusedClearly() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
          .append(prev).append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
    }
    bomb.append("rules: []\n");
    assertThatThrownBy(() -> PolicyYaml.parse(bomb.toString())).isInstanceOf(PolicyFormatException.class);
  }
}
