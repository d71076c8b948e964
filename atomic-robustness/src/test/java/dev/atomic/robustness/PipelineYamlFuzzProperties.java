package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atomic.engine.PipelineException;
import dev.atomic.engine.StepKinds;
import dev.atomic.engine.yaml.PipelineYaml;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PipelineYaml#parse} on generated documents: it compiles a pipeline or throws a {@link PipelineException}
 * whose message starts with the source and a line, never another exception, and never takes long.
 */
class PipelineYamlFuzzProperties {

  private static final StepKinds KINDS = StepKinds.builder().kind("doc.label", String.class, String.class)
      .type("Doc", ApiLoad.Doc.class).build();

  private static final List<String> VALID = List.of("""
      pipeline: label-twice
      request: Doc
      steps:
        first:
          kind: doc.label
          input: ${request.text}
          maxCostUsd: 0.01
          latencySlo: 2s
          minQuality: 0.5
          dataClasses: [pii.email]
          timeout: 30s
          retry: { maxAttempts: 2, backoff: 10ms }
        second:
          kind: doc.label
          input: "Re: ${steps.first.output}"
          after: [first]
          when: ${steps.first.output == 'invoice'}
      """, """
      pipeline: fan
      request: Doc
      steps:
        each:
          kind: doc.label
          forEach: ${request.text}
          input: ${item}
      """);

  /** YAML's own hazards: anchors and aliases, tags, tabs, documents, flow collections, interpolation. */
  private static final List<String> YAML_FRAGMENTS = List.of("&a ", "*a", "<<: *a", "!!java.lang.Runtime ", "!!binary ",
      "\t", "---\n", "...\n", "? ", "- ", "|\n", ">-\n", "{", "}", "[", "]", "${", "${steps.", "${request.", "}}", "#",
      "\"", "'", ": ", "\n  ", "\n    ", "~", "null", "1e999", "-1", "0x", "2000000000h", "-5s", "9999999999999ms");

  @Property(tries = 1500, seed = "20261126")
  void parse_anyDocument_pipelineOrPipelineExceptionNamingSourceAndLine(@ForAll("documents") String yaml) {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        assertThat(PipelineYaml.parse("fuzz.yaml", yaml, KINDS).name()).isNotBlank();
      } catch (PipelineException e) {
        assertThat(e.getMessage()).as("for\n%s", yaml).matches("(?s)fuzz\\.yaml(:\\d+)?: .+");
        assertThat(e.location().source()).isEqualTo("fuzz.yaml");
      }
    }, () -> "parsing took over 20 s:\n" + yaml);
  }

  @Property(tries = 50, seed = "20261127")
  void parse_aliasBomb_isRefusedOrBounded(@ForAll("aliasBombs") String yaml) {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        PipelineYaml.parse("bomb.yaml", yaml, KINDS);
      } catch (PipelineException e) {
        assertThat(e.getMessage()).startsWith("bomb.yaml");
      }
    });
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> yamlMutation = Combinators.combine(Arbitraries.of(VALID), Arbitraries.of(YAML_FRAGMENTS)
        .list().ofMinSize(1).ofMaxSize(4), Arbitraries.doubles().between(0, 1).list().ofSize(4))
        .as((doc, fragments, places) -> {
          String out = doc;
          for (int i = 0; i < fragments.size(); i++) {
            int at = (int) (places.get(i) * out.length());
            out = out.substring(0, at) + fragments.get(i) + out.substring(at);
          }
          return out;
        });
    Arbitrary<String> wrongTypes = Combinators.combine(Arbitraries.of("pipeline", "request", "steps", "kind", "input",
        "after", "timeout", "retry", "maxCostUsd", "dataClasses", "forEach", "when", "minQuality"),
        Hostile.jsonValue()).as((key, value) -> VALID.getFirst().replaceFirst("(?m)^(\\s*)" + key + ":.*$",
            "$1" + key + ": " + value.replace("$", "\\$")));
    Arbitrary<String> deep = Arbitraries.integers().between(10, 5_000).map(n ->
        "pipeline: deep\nsteps:\n  a:\n    kind: doc.label\n    input: " + "[".repeat(n) + "]".repeat(n) + "\n");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, yamlMutation),
        net.jqwik.api.Tuple.of(3, Hostile.mutated(VALID)), net.jqwik.api.Tuple.of(2, wrongTypes),
        net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
  }

  @Provide
  Arbitrary<String> aliasBombs() {
    return Arbitraries.integers().between(3, 12).map(levels -> {
      StringBuilder b = new StringBuilder("x0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
      for (int i = 1; i <= levels; i++) {
        b.append("x").append(i).append(": &a").append(i).append(" [");
        for (int j = 0; j < 9; j++) {
          b.append(j == 0 ? "" : ",").append("*a").append(i - 1);
        }
        b.append("]\n");
      }
      return "pipeline: bomb\nsteps:\n  a:\n    kind: doc.label\n    input:\n" + b.toString().indent(6);
    });
  }
}
