package dev.atomic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

  record Verdict(boolean spam, double score, String label) {}

  private final JsonCodec codec = JsonCodec.standard();
  private final JsonNode request = codec.toTree(Map.of("subject", "Hello", "count", 3));
  private final JsonNode verdict = codec.toTree(new Verdict(true, 0.9, "urgent"));

  private JsonNode eval(String text) {
    return Expression.parse(text).evaluate(h -> h.root().equals("request") ? request : verdict);
  }

  private Type type(String text) {
    return Expression.parse(text).type(h -> h.root().equals("request") ? Fixtures.Email.class : Verdict.class);
  }

  @Test
  void evaluate_singleHole_keepsTheValuesType() {
    assertThat(eval("${steps.spam.output.spam}").isBoolean()).isTrue();
    assertThat(eval("${steps.spam.output.score}").doubleValue()).isEqualTo(0.9);
    assertThat(eval("${steps.spam.output}")).isEqualTo(verdict);
  }

  @Test
  void evaluate_textWithHoles_isText() {
    assertThat(eval("Re: ${request.subject} (${request.count})").asText()).isEqualTo("Re: Hello (3)");
    assertThat(eval("plain text").asText()).isEqualTo("plain text");
  }

  @Test
  void evaluate_absentValues_areNullAloneAndEmptyInText() {
    assertThat(eval("${request.missing}").isNull()).isTrue();
    assertThat(eval("Re: ${request.missing}").asText()).isEqualTo("Re: ");
    assertThat(eval("${request.missing}\n${request.subject}").asText()).isEqualTo("\nHello");
  }

  @Test
  void evaluate_negationAndComparisons_giveBooleans() {
    assertThat(eval("${!steps.spam.output.spam}").booleanValue()).isFalse();
    assertThat(eval("${!!steps.spam.output.spam}").booleanValue()).isTrue();
    assertThat(eval("${steps.spam.output.label == 'urgent'}").booleanValue()).isTrue();
    assertThat(eval("${steps.spam.output.label != \"urgent\"}").booleanValue()).isFalse();
    assertThat(eval("${request.count == 3.0}").booleanValue()).isTrue();
    assertThat(eval("${request.missing == null}").booleanValue()).isTrue();
  }

  @Test
  void evaluate_negatingANonBoolean_failsClearly() {
    assertThatThrownBy(() -> eval("${!request.subject}"))
        .hasMessage("'!' needs a boolean, but request.subject is \"Hello\"");
  }

  @Test
  void type_followsRecordComponents() {
    assertThat(type("${request.paragraphs}").getTypeName()).isEqualTo("java.util.List<java.lang.String>");
    assertThat(type("${steps.spam.output.score}")).isEqualTo(double.class);
    assertThat(type("${steps.spam.output.label == 'x'}")).isEqualTo(Boolean.class);
    assertThat(type("a ${request.subject}")).isEqualTo(String.class);
  }

  @Test
  void type_unknownFieldOrFieldOfAScalar_isRejected() {
    assertThatThrownBy(() -> type("${request.sender}"))
        .hasMessage("request.sender: Email has no field 'sender' (fields: from, subject, body, paragraphs)");
    assertThatThrownBy(() -> type("${request.subject.length}"))
        .hasMessage("request.subject.length reads field 'length' of String, which has no fields");
    assertThatThrownBy(() -> type("${!request.subject}"))
        .hasMessage("'!' needs a boolean, but request.subject is String");
  }

  @Test
  void parse_malformed_saysWhatIsWrong() {
    for (var bad : List.of(
        List.of("${}", "empty '${}' in '${}'"),
        List.of("${request", "'${' at column 1 is never closed by '}' in '${request'"),
        List.of("${env.HOME}", "unknown root 'env' (use request, steps.<id>.output or item) in '${env.HOME}'"),
        List.of("${steps.spam}", "'steps.spam' must read a step's output, as in steps.spam.output, in '${steps.spam}'"),
        List.of("${request..x}", "'request..x' is not a path like request.body or steps.spam.output.isSpam"
            + " (bad name '') in '${request..x}'"),
        List.of("${request.a == maybe}", "'maybe' is not a literal (quote text, or write a number, true, false or"
            + " null) in '${request.a == maybe}'"),
        List.of("${request.a()}", "'request.a()' is not a path like request.body or steps.spam.output.isSpam"
            + " (bad name 'a()') in '${request.a()}'"))) {
      assertThatThrownBy(() -> Expression.parse(bad.get(0))).as(bad.get(0)).hasMessage(bad.get(1));
    }
  }

  @Test
  void steps_listsTheStepsRead() {
    assertThat(Expression.parse("${steps.a.output.x} and ${steps.b.output} and ${request.y}").steps())
        .containsExactly("a", "b");
    assertThat(Expression.parse("${item.x}").readsItem()).isTrue();
  }
}
