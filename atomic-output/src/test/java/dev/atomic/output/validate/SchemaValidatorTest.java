package dev.atomic.output.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.output.OutputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaValidatorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void validate_errors_reportedWithPathExpectedAndFound() {
    SchemaValidator v = SchemaValidator.of(JSON.readTree("""
        {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}},
         "required": ["tags", "id"], "additionalProperties": false}"""));
    List<OutputException.Problem> problems = v.validate(JSON.readTree("{\"tags\": [\"a\", 2], \"x\": 1}"));
    assertThat(problems).extracting(OutputException.Problem::path, OutputException.Problem::expected,
            OutputException.Problem::found)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("$.tags[1]", "type \"string\"", "2"),
            org.assertj.core.groups.Tuple.tuple("$", "property 'id'", "no such property"),
            org.assertj.core.groups.Tuple.tuple("$", "no property 'x'", "property 'x'"));
  }

  @Test
  void of_schemaThatRefersToItselfInPlace_refused() {
    for (String loop : List.of("{\"anyOf\": [{\"$ref\": \"#\"}, {\"type\": \"string\"}]}",
        "{\"$defs\": {\"a\": {\"allOf\": [{\"$ref\": \"#/$defs/b\"}]}, \"b\": {\"not\": {\"$ref\": \"#/$defs/a\"}}},"
            + " \"properties\": {\"x\": {\"$ref\": \"#/$defs/a\"}}}")) {
      JsonNode schema = JSON.readTree(loop);
      assertThatThrownBy(() -> SchemaValidator.of(schema)).as(loop)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refers to itself");
    }
  }

  @Test
  void of_recursionThatReadsDeeper_accepted() {
    SchemaValidator tree = SchemaValidator.of(JSON.readTree("""
        {"type": "object", "properties": {"value": {"type": "integer"},
         "children": {"type": "array", "items": {"$ref": "#"}}}}"""));
    assertThat(tree.accepts(JSON.readTree("{\"value\": 1, \"children\": [{\"value\": 2, \"children\": []}]}")))
        .isTrue();
    assertThat(tree.accepts(JSON.readTree("{\"children\": [{\"value\": \"x\"}]}"))).isFalse();
  }
}
