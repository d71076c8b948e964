package dev.atomic.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.Answer;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.output.parse.ParseLimits;
import dev.atomic.output.parse.Repair;
import dev.atomic.task.Microtask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StructuredOutputTest {

  private final StructuredOutput<Fixtures.SpamVerdict> output = StructuredOutput.of(Fixtures.SpamVerdict.class);
  private final Microtask task = Microtask.builder("email.spam").outputType(Fixtures.SpamVerdict.class).build();

  @Test
  void parse_validOutput_valueWithoutRepairs() {
    Parsed<Fixtures.SpamVerdict> p = output.parse(
        "{\"spam\": true, \"confidence\": 0.75, \"category\": \"SPAM\", \"reasons\": [\"link\"]}");
    assertThat(p.value()).isEqualTo(new Fixtures.SpamVerdict(true, 0.75, Fixtures.Category.SPAM, List.of("link")));
    assertThat(p.repaired()).isFalse();
  }

  @Test
  void parse_invalidOutput_exceptionCarriesPathExpectedFoundAndRaw() {
    String raw = "{\"spam\": true, \"confidence\": \"high\", \"category\": \"SPAM\", \"reasons\": []}";
    assertThatThrownBy(() -> output.parse(raw)).isInstanceOfSatisfying(OutputException.class, e -> {
      assertThat(e).isInstanceOf(dev.atomic.AtomicException.class);
      assertThat(e.reason()).isEqualTo(OutputException.Reason.INVALID);
      assertThat(e.path()).isEqualTo("$.confidence");
      assertThat(e.expected()).isEqualTo("type \"number\"");
      assertThat(e.found()).isEqualTo("\"high\"");
      assertThat(e.raw()).isEqualTo(raw);
      assertThat(e.feedback()).startsWith("- at $.confidence: expected type \"number\", found \"high\"");
    });
  }

  @Test
  void parse_bytesWithInvalidUtf8_parsedAndReported() {
    byte[] raw = "{\"spam\": false, \"confidence\": 0.1, \"category\": \"NOT_SPAM\", \"reasons\": [\"x\"]}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[raw.length + 1];
    System.arraycopy(raw, 0, broken, 0, raw.length - 3);
    broken[raw.length - 3] = (byte) 0xFF;
    System.arraycopy(raw, raw.length - 3, broken, raw.length - 2, 3);
    Parsed<Fixtures.SpamVerdict> p = output.parse(broken);
    assertThat(p.value().reasons()).containsExactly("x\ufffd");
    assertThat(p.repairs()).extracting(Repair::kind).contains(Repair.Kind.INVALID_UTF8);
  }

  @Test
  void check_parsableText_acceptedAsTheValueWithItsRepairs() throws Exception {
    OutputCheck.Verdict v = output.check().check(task, Answer.of(
        "```json\n{\"spam\": true, \"confidence\": 1, \"category\": \"spam\", \"reasons\": []}\n```", 0, Duration.ZERO));
    assertThat(v).isInstanceOfSatisfying(OutputCheck.Verdict.Accept.class, a -> {
      assertThat(a.value()).isEqualTo(new Fixtures.SpamVerdict(true, 1.0, Fixtures.Category.SPAM, List.of()));
      assertThat(a.repairs()).anySatisfy(r -> assertThat(r).startsWith("EXTRACTED_FROM_FENCE"))
          .anySatisfy(r -> assertThat(r).startsWith("ENUM_MATCH at $.category"));
    });
  }

  @Test
  void check_malformedText_acceptedWithEveryRepairInOrder() throws Exception {
    String raw = "{'spam': true, \"confidence\": 0.5, \"category\": \"SPAM\", \"reasons\": [\"x\",],}";
    OutputCheck.Verdict v = output.check().check(task, Answer.of(raw, 0, Duration.ZERO));
    List<String> expected = output.parse(raw).repairs().stream().map(Repair::toString).toList();
    assertThat(expected).isNotEmpty();
    assertThat(v).isInstanceOfSatisfying(OutputCheck.Verdict.Accept.class, a -> {
      assertThat(a.repairs()).isEqualTo(expected);
      assertThat(a.repairs()).anySatisfy(r -> assertThat(r).startsWith("SINGLE_QUOTES"))
          .anySatisfy(r -> assertThat(r).startsWith("TRAILING_COMMA"));
    });
  }

  @Test
  void check_validText_acceptedWithoutRepairs() throws Exception {
    OutputCheck.Verdict v = output.check().check(task, Answer.of(
        "{\"spam\": true, \"confidence\": 0.75, \"category\": \"SPAM\", \"reasons\": [\"link\"]}", 0, Duration.ZERO));
    assertThat(v).isEqualTo(new OutputCheck.Verdict.Accept(
        new Fixtures.SpamVerdict(true, 0.75, Fixtures.Category.SPAM, List.of("link")), List.of()));
  }

  @Test
  void check_parsedAnswer_carriesTheRepairsMadeWhenItWasParsed() throws Exception {
    Parsed<Fixtures.SpamVerdict> parsed =
        output.parse("{\"spam\": true, \"confidence\": \"0.5\", \"category\": \"SPAM\", \"reasons\": []}");
    OutputCheck.Verdict v = output.check().check(task, Answer.of(parsed, 0, Duration.ZERO));
    assertThat(v).isInstanceOfSatisfying(OutputCheck.Verdict.Accept.class,
        a -> assertThat(a.repairs()).singleElement().asString().startsWith("STRING_TO_NUMBER at $.confidence"));
  }

  @Test
  void check_unusableText_rejectedWithTheProblems() throws Exception {
    OutputCheck.Verdict v = output.check().check(task, Answer.of("I cannot decide.", 0, Duration.ZERO));
    assertThat(v).isInstanceOfSatisfying(OutputCheck.Verdict.Reject.class,
        r -> assertThat(r.reason()).startsWith("NO_VALUE: - at $: expected type \"object\""));
  }

  @Test
  void check_alreadyTypedValue_accepted() throws Exception {
    Fixtures.SpamVerdict typed = new Fixtures.SpamVerdict(false, 0.2, Fixtures.Category.BILLING, List.of());
    assertThat(output.check().check(task, Answer.of(typed, 0, Duration.ZERO)))
        .isEqualTo(new OutputCheck.Verdict.Accept(typed));
  }

  @Test
  void forSchema_jsonSchemaWithoutJavaType_valuesAreJson() {
    JsonNode schema = JsonMapper.builder().build().readTree(
        "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}, \"required\": [\"n\"]}");
    StructuredOutput<JsonNode> bySchema = StructuredOutput.forSchema(schema, ParseLimits.DEFAULT);
    assertThat(bySchema.parse("n = {'n': '42'}").value().toString()).isEqualTo("{\"n\":42}");
    assertThat(bySchema.typeDescription()).isEqualTo("{\n  n: int,\n}");
  }

  @Test
  void forSchema_brokenSchema_refusedClearly() {
    JsonNode schema = JsonMapper.builder().build().readTree("{\"type\": 12}");
    assertThatThrownBy(() -> StructuredOutput.forSchema(schema, ParseLimits.DEFAULT).parse("1"))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void instructions_nameTheTypeCompactly() {
    assertThat(output.instructions()).startsWith("Answer with JSON matching this type, and nothing else:\n"
        + "// Whether an e-mail is spam, and why\n{\n  // true when the message is unsolicited\n  spam: bool,");
    assertThat(output.responseFormat("spam_verdict").at("/json_schema/schema/required")).hasSize(4);
    assertThat(output.anthropicTool("spam_verdict").at("/tools/0/description").asString())
        .isEqualTo("Whether an e-mail is spam, and why");
  }
}
