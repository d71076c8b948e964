package dev.atomic.output.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.output.Description;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TypeSchemasTest {

  enum Level { LOW, HIGH }

  @Description("A thing to do")
  record Task(@Description("what to do") String title, Optional<String> owner, Level level, List<Integer> points,
      Map<String, Level> labels) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Drawing(List<Shape> shapes) {}

  sealed interface Clash permits Typed {}

  record Typed(String type) implements Clash {}

  @Test
  void of_record_requiredExceptOptionalsAndClosed() {
    JsonNode s = TypeSchemas.of(Task.class);
    assertThat(s.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(s.get("description").asString()).isEqualTo("A thing to do");
    assertThat(s.get("required").toString()).isEqualTo("[\"title\",\"level\",\"points\",\"labels\"]");
    assertThat(s.get("additionalProperties").asBoolean()).isFalse();
    JsonNode props = s.get("properties");
    assertThat(props.propertyNames()).containsExactly("title", "owner", "level", "points", "labels");
    assertThat(props.get("title").get("description").asString()).isEqualTo("what to do");
    // Level is used twice, so it is defined once and referred to
    assertThat(props.get("level").get("$ref").asString()).isEqualTo("#/$defs/Level");
    assertThat(s.at("/$defs/Level/enum").toString()).isEqualTo("[\"LOW\",\"HIGH\"]");
    assertThat(props.get("points").get("items").get("type").asString()).isEqualTo("integer");
    assertThat(props.get("labels").get("additionalProperties").get("$ref").asString()).isEqualTo("#/$defs/Level");
  }

  @Test
  void of_sealedInterface_taggedUnionOfItsRecords() {
    JsonNode shapes = TypeSchemas.of(Drawing.class).get("properties").get("shapes").get("items");
    assertThat(shapes.get("anyOf")).hasSize(2);
    JsonNode circle = shapes.get("anyOf").get(0);
    assertThat(circle.get("properties").get(TypeSchemas.TAG).get("const").asString()).isEqualTo("Circle");
    assertThat(circle.get("required").get(0).asString()).isEqualTo(TypeSchemas.TAG);
  }

  @Test
  void of_variantWithATagComponent_refused() {
    assertThatThrownBy(() -> TypeSchemas.of(Clash.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component named 'type'");
  }
}
