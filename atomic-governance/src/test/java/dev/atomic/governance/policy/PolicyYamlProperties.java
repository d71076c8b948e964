package dev.atomic.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzzes the loader: whatever the document, it yields a policy or a {@link PolicyFormatException}, nothing else. */
class PolicyYamlProperties {

  private static void parsesOrFailsClearly(String yaml) {
    try {
      DataPolicy policy = PolicyYaml.parse(yaml);
      assertThat(policy.rules()).allSatisfy(r -> assertThat(r.classes()).isNotEmpty());
    } catch (PolicyFormatException e) {
      assertThat(e.getMessage()).startsWith("policy");
      assertThat(e.line()).isGreaterThanOrEqualTo(0);
    }
  }

  @Property(tries = 1000, seed = "20261129")
  void mutatedValidDocuments_parseOrFailClearly(@ForAll long seed) {
    parsesOrFailsClearly(mutate(PolicyYamlTest.VALID, new SplittableRandom(seed)));
  }

  @Property(tries = 1000, seed = "20261130")
  void randomYamlishText_parsesOrFailsClearly(@ForAll("yamlish") String text) {
    parsesOrFailsClearly(text);
  }

  @Property(tries = 500, seed = "20261131")
  void shuffledDocumentLines_parseOrFailClearly(@ForAll long seed) {
    List<String> lines = new ArrayList<>(PolicyYamlTest.VALID.lines().toList());
    Collections.shuffle(lines, new java.util.Random(seed));
    parsesOrFailsClearly(String.join("\n", lines));
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> tokens = Arbitraries.of("rules:", "mode:", " clean-room", " normal", "\n", "  ", "- ", "name: ",
        "classes: ", "[", "]", "{", "}", ",", "\"", "'", "pii.*", "pci.card", "deny: true", "onPremises: ", "yes",
        "null", "~", "&a ", "*a", "!!int ", "---\n", "#", ":", "?", "|", ">", "\t", "regions: ", "tags: ", "1e9",
        "\u0000", "\ud800", "\ufeff", "%YAML 1.2\n", "<<: *a", "@", "`");
    return tokens.list().ofMaxSize(40).map(list -> String.join("", list));
  }

  /** Deletes, inserts, duplicates or replaces a few characters or lines. */
  static String mutate(String text, SplittableRandom random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    String alphabet = " :-[]{}\n\t#'\"&*!|>,.x1";
    for (int e = 0; e < edits && out.length() > 0; e++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 2 -> out.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        default -> {
          int end = Math.min(out.length(), at + 1 + random.nextInt(30));
          out.insert(at, out.substring(at, end));
        }
      }
    }
    return out.toString();
  }
}
