package dev.atomic.output.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResponseFormatsTest {

  record Inner(int n, Optional<String> label) {}

  record Outer(String name, Optional<Inner> inner) {}

  @Test
  void openAi_strict_everyPropertyRequiredAndOptionalsNullable() {
    JsonNode f = ResponseFormats.openAi("outer_v1", TypeSchemas.of(Outer.class), true);
    assertThat(f.get("type").asString()).isEqualTo("json_schema");
    JsonNode js = f.get("json_schema");
    assertThat(js.get("name").asString()).isEqualTo("outer_v1");
    assertThat(js.get("strict").asBoolean()).isTrue();
    JsonNode schema = js.get("schema");
    assertThat(schema.has("$schema")).isFalse();
    assertThat(schema.get("required").toString()).isEqualTo("[\"name\",\"inner\"]");
    assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    JsonNode inner = schema.get("properties").get("inner");
    assertThat(inner.toString()).contains("\"null\"");
  }

  @Test
  void anthropicTool_forcedToolWhoseInputIsTheSchema() {
    JsonNode r = ResponseFormats.anthropicTool("record_outer", "Record the outer value.", TypeSchemas.of(Outer.class));
    assertThat(r.at("/tools/0/name").asString()).isEqualTo("record_outer");
    assertThat(r.at("/tools/0/input_schema/required").toString()).isEqualTo("[\"name\"]");
    assertThat(r.at("/tools/0/input_schema").has("$schema")).isFalse();
    assertThat(r.get("tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"record_outer\"}");
  }

  @Test
  void openAi_badName_refusedWithTheName() {
    assertThatThrownBy(() -> ResponseFormats.openAi("has space", TypeSchemas.of(Outer.class), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'has space'");
  }
}
