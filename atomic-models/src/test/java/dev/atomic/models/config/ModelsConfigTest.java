package dev.atomic.models.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.models.llm.Price;
import dev.atomic.models.llm.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelsConfigTest {

  private static final String FULL = """
      server:
        port: 8080
      models:
        - id: mini
          type: openai-compatible
          baseUrl: http://localhost:8000/v1
          model: qwen2.5-7b
          apiKeyName: VLLM_API_KEY
          price: { inputPerMillion: 0.1, outputPerMillion: 0.3 }
          kinds: [email.reply]
          quality: 0.8
          timeout: 20s
          profile: { vendor: self-hosted, region: eu-west, onPremises: true, sovereign: true, tags: [gpu] }
        - id: claude
          type: anthropic
          model: claude-3-5-haiku-latest
        - id: llama
          type: ollama
          model: llama3.2
        - id: lang
          type: language
          kind: email.language
        - id: tone
          type: sentiment
          kind: email.sentiment
          positive: POSITIVE
          negative: NEGATIVE
        - id: spam-head
          type: head
          kind: email.spam
          algorithm: knn
      """;

  @Test
  void parse_readsEveryType() {
    ModelsConfig config = ModelsConfig.parse("atomic.yaml", FULL);

    assertThat(config.models()).extracting(ModelSpec::id)
        .containsExactly("mini", "claude", "llama", "lang", "tone", "spam-head");
    ModelSpec.Endpoint mini = (ModelSpec.Endpoint) config.find("mini").orElseThrow();
    assertThat(mini.provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
    assertThat(mini.keyName()).contains("VLLM_API_KEY");
    assertThat(mini.price()).contains(new Price(0.1, 0.3));
    assertThat(mini.kinds()).containsExactly("email.reply");
    assertThat(mini.quality()).isEqualTo(0.8);
    assertThat(mini.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(mini.profile()).isEqualTo(new BidderProfile("self-hosted", "eu-west", true, true, Set.of("gpu")));
    ModelSpec.Endpoint claude = (ModelSpec.Endpoint) config.find("claude").orElseThrow();
    assertThat(claude.keyName()).contains("ATOMIC_ANTHROPIC_API_KEY");
    assertThat(claude.baseUrl()).isEqualTo(Provider.ANTHROPIC.defaultBaseUrl());
    assertThat(claude.profile().vendor()).isEqualTo("anthropic");
    assertThat(config.find("llama").orElseThrow().profile()).isEqualTo(BidderProfile.local());
    assertThat(config.find("spam-head").orElseThrow())
        .isEqualTo(new ModelSpec.Head("spam-head", "email.spam", ModelSpec.Head.Algorithm.KNN));
  }

  @Test
  void parse_noModelsSection_isEmpty() {
    assertThat(ModelsConfig.parse("a.yaml", "server:\n  port: 1\n").models()).isEmpty();
    assertThat(ModelsConfig.parse("a.yaml", "").models()).isEmpty();
  }

  @Test
  void parse_unknownKey_namesEntryAndKey() {
    String yaml = """
        models:
          - id: lang
            type: language
            kind: email.language
            colour: blue
        """;
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml", yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.yaml: models[0] (id 'lang')")
        .hasMessageContaining("unknown key 'colour'");
  }

  @Test
  void parse_unknownType_listsKnownTypes() {
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml", "models:\n  - id: x\n    type: gpt\n"))
        .hasMessageContaining("unknown type 'gpt'")
        .hasMessageContaining("openai-compatible");
  }

  @Test
  void parse_badValues_areNamed() {
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml",
        "models:\n  - {id: m, type: ollama, model: x, quality: 1.5}\n"))
        .hasMessageContaining("(id 'm') 'quality' must be a number in [0.0, 1.0], was '1.5'");
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml",
        "models:\n  - {id: m, type: openai-compatible, model: x}\n"))
        .hasMessageContaining("(id 'm') needs a 'baseUrl'");
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml",
        "models:\n  - {id: m, type: openai-compatible, baseUrl: 'ftp://x', model: x}\n"))
        .hasMessageContaining("baseUrl must be an http(s) URL");
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml",
        "models:\n  - {id: m, type: ollama, model: x, timeout: soon}\n"))
        .hasMessageContaining("'timeout' must be a positive duration such as 500ms, 30s or 2m; was 'soon'");
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml",
        "models:\n  - {id: h, type: head, kind: email.spam, algorithm: forest}\n"))
        .hasMessageContaining("'algorithm' must be logistic or knn, was 'forest'");
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml",
        "models:\n  - {type: language, kind: k}\n"))
        .hasMessageContaining("models[0] has no 'id'");
  }

  @Test
  void parse_duplicateIds_rejected() {
    String yaml = "models:\n  - {id: a, type: language, kind: k}\n  - {id: a, type: language, kind: j}\n";
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml", yaml)).hasMessageContaining("two models have the id 'a'");
  }

  @Test
  void parse_keyPastedAsItsName_isRefusedWithoutEchoingIt() {
    String key = "sk-proj-abcdefSECRET0123456789";
    String yaml = "models:\n  - {id: m, type: openai-compatible, baseUrl: 'http://h/v1', model: x, apiKeyName: "
        + key + "}\n";
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml", yaml))
        .hasMessageContaining("must be the NAME of an environment variable")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key).doesNotContain("SECRET"));
  }

  @Test
  void parse_badYaml_namesTheLine() {
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml", "models:\n  - id: [unclosed\n"))
        .hasMessageContaining("a.yaml is not valid YAML at line");
  }

  @Test
  void parse_modelsNotAList_rejected() {
    assertThatThrownBy(() -> ModelsConfig.parse("a.yaml", "models:\n  id: x\n"))
        .hasMessageContaining("'models' must be a list");
  }

  @Test
  void parse_exampleConfigurationModels_whenUncommented() throws Exception {
    String example = Files.readString(Path.of("../config/atomic.example.yaml"));
    String block = example.substring(example.indexOf("# models:"));
    String yaml = block.lines().map(l -> l.startsWith("# ") ? l.substring(2) : l)
        .collect(Collectors.joining("\n"));

    ModelsConfig config = ModelsConfig.parse("atomic.example.yaml", yaml);

    assertThat(config.models()).extracting(ModelSpec::type).containsExactly("openai-compatible", "anthropic",
        "ollama", "gguf", "language", "sentiment", "head");
  }
}
