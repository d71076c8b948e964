package dev.atomic.output.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaAlignerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNode SCHEMA = JSON.readTree("""
      {"type": "object",
       "properties": {
         "name": {"type": "string"},
         "nick": {"type": "string"},
         "score": {"type": "number"},
         "level": {"enum": ["LOW", "HIGH"]}},
       "required": ["name"],
       "additionalProperties": false}
      """);
  private final SchemaAligner aligner = new SchemaAligner(SCHEMA, 64);

  @Test
  void align_validValue_returnedWithoutRepairs() {
    JsonNode v = JSON.readTree("{\"name\": \"a\", \"score\": 1.5, \"level\": \"LOW\"}");
    SchemaAligner.Aligned a = aligner.align(v);
    assertThat(a.value()).isEqualTo(v);
    assertThat(a.repairs()).isEmpty();
  }

  @Test
  void align_nullForOptionalPropertyThatIsNotNullable_dropped() {
    SchemaAligner.Aligned a = aligner.align(JSON.readTree("{\"name\": \"a\", \"nick\": null}"));
    assertThat(a.value().toString()).isEqualTo("{\"name\":\"a\"}");
    assertThat(a.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.DROPPED_NULL);
    assertThat(a.repairs().getFirst().path()).isEqualTo("$.nick");
  }

  @Test
  void align_booleanForString_written() {
    SchemaAligner.Aligned a = aligner.align(JSON.readTree("{\"name\": true}"));
    assertThat(a.value().toString()).isEqualTo("{\"name\":\"true\"}");
    assertThat(a.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.BOOLEAN_TO_STRING);
  }

  @Test
  void align_percentageForNumber_notGuessed() {
    SchemaAligner.Aligned a = aligner.align(JSON.readTree("{\"name\": \"a\", \"score\": \"85%\"}"));
    assertThat(a.value().get("score").stringValue()).isEqualTo("85%");
    assertThat(a.repairs()).isEmpty();
  }

  @Test
  void align_almostNumbers_leftForTheValidatorToRefuse() {
    for (String text : new String[] {"1e+", "1e", ".", "-", "+.", "1.2.3", "0x10", "١٢"}) {
      SchemaAligner.Aligned a = aligner.align(JSON.readTree("{\"name\": \"a\", \"score\": \"" + text + "\"}"));
      assertThat(a.value().get("score").stringValue()).as(text).isEqualTo(text);
    }
  }

  @Test
  void align_proseNamingTwoEnumValues_reportedAsAmbiguous() {
    SchemaAligner.Aligned a = aligner.align(JSON.readTree("{\"name\": \"a\", \"level\": \"low or high\"}"));
    assertThat(a.value().get("level").stringValue()).isEqualTo("low or high");
    assertThat(a.ambiguities()).singleElement().asString().contains("$.level").contains("LOW").contains("HIGH");
  }

  @Test
  void align_schemaThatRefersToItselfThroughBranches_finishesWithinItsStepBudget() {
    JsonNode loop = JSON.readTree("""
        {"anyOf": [{"$ref": "#"}, {"$ref": "#"}, {"type": "object", "required": ["x"]}, {"$ref": "#"}]}""");
    SchemaAligner looping = new SchemaAligner(loop, 64);
    SchemaAligner.Aligned a = looping.align(JSON.readTree("{\"a\": [1, 2, {\"b\": null}]}"));
    assertThat(a.value()).isNotNull();
  }

  @Test
  void fits_missingRequiredProperty_false() {
    assertThat(aligner.fits(JSON.readTree("{\"nick\": \"b\"}"))).isFalse();
    assertThat(aligner.fits(JSON.readTree("{\"name\": \"b\"}"))).isTrue();
  }
}
