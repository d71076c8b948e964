package dev.atomic.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.engine.Fixtures;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.PipelineException;
import dev.atomic.engine.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineYamlTest {

  private static final String HEAD = """
      pipeline: broken
      request: Email
      steps:
      """;

  @Test
  void parse_triage_readsEveryStepAndSetting() {
    Pipeline p = Fixtures.pipeline("email-triage.yaml");

    assertThat(p.name()).isEqualTo("email-triage");
    assertThat(p.requestType()).isEqualTo(Fixtures.Email.class);
    assertThat(p.steps()).extracting(s -> s.id()).containsExactly("spam", "summary", "reply", "tags");
    assertThat(p.step("reply").dependencies()).containsExactlyInAnyOrder("spam", "summary", "tags");
    assertThat(p.step("spam").constraints().maxCostUsd()).isEqualTo(0.01);
    assertThat(p.step("spam").constraints().latencySlo()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.step("spam").constraints().minQuality()).isEqualTo(0.5);
    assertThat(p.step("spam").constraints().dataClasses()).isEqualTo(Set.of("pii.email"));
    assertThat(p.step("spam").timeout()).contains(Duration.ofSeconds(30));
    assertThat(p.step("spam").retry()).isEqualTo(new RetryPolicy(2, Duration.ZERO));
    assertThat(p.step("tags").fansOut()).isTrue();
    assertThat(p.step("tags").outputType().getTypeName()).isEqualTo("List<Tag>");
  }

  @Test
  void load_file_namesTheFileInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mail.yaml");
    Files.writeString(file, HEAD + "  a:\n    kind: email.nope\n    input: ${request}\n");

    assertThatThrownBy(() -> PipelineYaml.load(file, Fixtures.kinds()))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("mail.yaml:5: step 'a': unknown step kind 'email.nope'")
        .hasMessageContaining("registered: email.reply, email.spam");
  }

  @Test
  void parse_blankPipelineName_isRejectedAtItsLine() {
    String yaml = "request: Email\npipeline: \"  \"\nsteps:\n  a:\n    kind: email.spam\n    input: ${request}\n";

    assertThatThrownBy(() -> PipelineYaml.parse("blank.yaml", yaml, Fixtures.kinds()))
        .isInstanceOf(PipelineException.class)
        .hasMessage("blank.yaml:2: 'pipeline' must name the pipeline, was blank");
  }

  @Test
  void parse_cycle_isRejectedNamingTheSteps() {
    String yaml = HEAD + """
          a:
            kind: email.reply
            input: { subject: "${steps.b.output.text}", summary: x }
          b:
            kind: email.reply
            input: { subject: "${steps.a.output.text}", summary: x }
        """;

    assertThatThrownBy(() -> PipelineYaml.parse("cycle.yaml", yaml, Fixtures.kinds()))
        .isInstanceOf(PipelineException.class)
        .hasMessage("cycle.yaml:4: step 'a': steps form a cycle: a -> b -> a")
        .satisfies(e -> assertThat(((PipelineException) e).step()).isEqualTo("a"));
  }

  @Test
  void parse_typeMismatchBetweenSteps_namesBothTypes() {
    String yaml = HEAD + """
          spam:
            kind: email.spam
            input: ${request}
          tag:
            kind: text.tag
            input: ${steps.spam.output}
        """;

    assertThatThrownBy(() -> PipelineYaml.parse("types.yaml", yaml, Fixtures.kinds()))
        .isInstanceOf(PipelineException.class)
        .hasMessage("types.yaml:9: step 'tag': the input of text.tag expects String, but '${steps.spam.output}'"
            + " is SpamVerdict");
  }

  @Test
  void parse_unknownField_listsTheFields() {
    String yaml = HEAD + """
          spam:
            kind: email.spam
            input: ${request}
          reply:
            kind: email.reply
            input:
              subject: ${request.subjct}
              summary: ${steps.spam.output.spam}
        """;

    assertThatThrownBy(() -> PipelineYaml.parse("f.yaml", yaml, Fixtures.kinds()))
        .isInstanceOf(PipelineException.class)
        .hasMessage("f.yaml:10: step 'reply': '${request.subjct}': request.subjct: Email has no field 'subjct'"
            + " (fields: from, subject, body, paragraphs)");
  }

  @Test
  void parse_booleanWhereTextIsExpected_isRejectedOnItsLine() {
    String yaml = HEAD + """
          spam:
            kind: email.spam
            input: ${request}
          reply:
            kind: email.reply
            input:
              subject: ${request.subject}
              summary: ${steps.spam.output.spam}
        """;

    assertThatThrownBy(() -> PipelineYaml.parse("f.yaml", yaml, Fixtures.kinds()))
        .hasMessage("f.yaml:11: step 'reply': input field 'summary' expects String, but"
            + " '${steps.spam.output.spam}' is boolean");
  }

  @Test
  void parse_badExpression_saysWhatIsWrong() {
    String yaml = HEAD + """
          spam:
            kind: email.spam
            input: ${request}
            when: ${steps.spam.output.spam ==}
        """;

    assertThatThrownBy(() -> PipelineYaml.parse("e.yaml", yaml, Fixtures.kinds()))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("e.yaml:7: step 'spam': bad expression in when: '' is not a literal");
  }

  @Test
  void parse_unclosedHole_isABadExpression() {
    String yaml = HEAD + "  spam:\n    kind: email.spam\n    input: \"${request\"\n";

    assertThatThrownBy(() -> PipelineYaml.parse("e.yaml", yaml, Fixtures.kinds()))
        .hasMessageStartingWith("e.yaml:6: step 'spam': bad expression in input: '${' at column 1 is never closed");
  }

  @Test
  void parse_unknownStepReference_listsTheSteps() {
    String yaml = HEAD + "  tag:\n    kind: text.tag\n    input: ${steps.nothere.output.x}\n";

    assertThatThrownBy(() -> PipelineYaml.parse("r.yaml", yaml, Fixtures.kinds()))
        .hasMessage("r.yaml:6: step 'tag': '${steps.nothere.output.x}' reads step 'nothere', which is not defined"
            + " (steps: tag)");
  }

  @Test
  void parse_whenThatIsNotBoolean_isRejected() {
    String yaml = HEAD + "  tag:\n    kind: text.tag\n    when: ${request.subject}\n    input: ${request.body}\n";

    assertThatThrownBy(() -> PipelineYaml.parse("w.yaml", yaml, Fixtures.kinds()))
        .hasMessage("w.yaml:6: step 'tag': when needs a boolean, but '${request.subject}' is String");
  }

  @Test
  void parse_forEachOverText_isRejected() {
    String yaml = HEAD + "  tag:\n    kind: text.tag\n    forEach: ${request.subject}\n    input: ${item}\n";

    assertThatThrownBy(() -> PipelineYaml.parse("l.yaml", yaml, Fixtures.kinds()))
        .hasMessage("l.yaml:6: step 'tag': '${request.subject}': forEach needs a list, but it reads String");
  }

  @Test
  void parse_itemWithoutForEach_isRejected() {
    String yaml = HEAD + "  tag:\n    kind: text.tag\n    input: ${item}\n";

    assertThatThrownBy(() -> PipelineYaml.parse("i.yaml", yaml, Fixtures.kinds()))
        .hasMessage("i.yaml:6: step 'tag': '${item}' reads item, but the step has no forEach");
  }

  @Test
  void parse_missingAndUnknownInputFields_areRejected() {
    String missing = HEAD + "  r:\n    kind: email.reply\n    input:\n      subject: hi\n";
    String unknown = HEAD + "  r:\n    kind: email.reply\n    input:\n      subject: hi\n      summary: x\n"
        + "      sumary: y\n";

    assertThatThrownBy(() -> PipelineYaml.parse("m.yaml", missing, Fixtures.kinds()))
        .hasMessage("m.yaml:6: step 'r': input field 'summary' of ReplyRequest is missing");
    assertThatThrownBy(() -> PipelineYaml.parse("u.yaml", unknown, Fixtures.kinds()))
        .hasMessage("u.yaml:9: step 'r': input field 'sumary' is not a field of ReplyRequest (fields: subject, summary)");
  }

  @Test
  void parse_literalOfTheWrongType_isRejected() {
    String yaml = HEAD + "  s:\n    kind: text.summary\n    input:\n      text: ${request.body}\n      maxWords: many\n";

    assertThatThrownBy(() -> PipelineYaml.parse("n.yaml", yaml, Fixtures.kinds()))
        .hasMessageStartingWith("n.yaml:8: step 's': input field 'maxWords' expects int, but the literal \"many\""
            + " does not fit");
  }

  @Test
  void parse_unknownKeysAndBadValues_areRejectedOnTheirLine() {
    assertThatThrownBy(() -> PipelineYaml.parse("k.yaml",
        HEAD + "  s:\n    kind: text.tag\n    input: x\n    timout: 3s\n", Fixtures.kinds()))
        .hasMessageStartingWith("k.yaml:7: step 's': unknown key 'timout' (allowed: after, dataClasses");
    assertThatThrownBy(() -> PipelineYaml.parse("d.yaml",
        HEAD + "  s:\n    kind: text.tag\n    input: x\n    timeout: soon\n", Fixtures.kinds()))
        .hasMessage("d.yaml:7: step 's': 'timeout' must be a duration such as 500ms, 30s, 5m, 1h or PT30S,"
            + " was 'soon'");
    assertThatThrownBy(() -> PipelineYaml.parse("q.yaml",
        HEAD + "  s:\n    kind: text.tag\n    input: x\n    minQuality: 1.5\n", Fixtures.kinds()))
        .hasMessage("q.yaml:7: step 's': minQuality must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> PipelineYaml.parse("r.yaml",
        HEAD + "  s:\n    kind: text.tag\n    input: x\n    retry: { maxAttempts: 0 }\n", Fixtures.kinds()))
        .hasMessage("r.yaml:7: step 's': retry maxAttempts must be at least 1, was 0");
  }

  @Test
  void parse_duplicateKeyAndBrokenYaml_areRejected() {
    assertThatThrownBy(() -> PipelineYaml.parse("dup.yaml",
        HEAD + "  s:\n    kind: text.tag\n    input: x\n  s:\n    kind: text.tag\n", Fixtures.kinds()))
        .hasMessage("dup.yaml:7: key 's' is written twice (first on line 4)");
    assertThatThrownBy(() -> PipelineYaml.parse("bad.yaml", "pipeline: [oops\n", Fixtures.kinds()))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("bad.yaml:")
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> PipelineYaml.parse("empty.yaml", "", Fixtures.kinds()))
        .hasMessage("empty.yaml:1: the file is empty");
  }

  @Test
  void parse_unknownRequestType_listsTheRegisteredTypes() {
    assertThatThrownBy(() -> PipelineYaml.parse("t.yaml", "pipeline: p\nrequest: Mail\nsteps: {}\n",
        Fixtures.kinds()))
        .hasMessage("t.yaml:2: unknown request type 'Mail' (registered: Email)");
  }

  @Test
  void parse_sameAsBuilder_producesTheSameSteps() {
    Pipeline fromYaml = Fixtures.pipeline("email-triage.yaml");
    Pipeline fromJava = Pipeline.builder("email-triage", Fixtures.kinds())
        .request(Fixtures.Email.class)
        .step("spam", s -> s.kind("email.spam").input("${request}").maxCostUsd(0.01)
            .latencySlo(Duration.ofSeconds(2)).minQuality(0.5).dataClasses("pii.email")
            .timeout(Duration.ofSeconds(30)).retry(new RetryPolicy(2, Duration.ZERO)))
        .step("summary", s -> s.kind("text.summary")
            .input(java.util.Map.of("text", "${request.body}", "maxWords", 4)))
        .step("reply", s -> s.kind("email.reply").when("${!steps.spam.output.spam}").after("tags")
            .input(java.util.Map.of("subject", "Re: ${request.subject}", "summary", "${steps.summary.output.text}")))
        .step("tags", s -> s.kind("text.tag").forEach("${request.paragraphs}").input("${item}"))
        .build();

    assertThat(fromJava.steps()).extracting(s -> s.id()).containsExactly("spam", "summary", "reply", "tags");
    for (String id : List.of("spam", "summary", "reply", "tags")) {
      var a = fromYaml.step(id);
      var b = fromJava.step(id);
      assertThat(b.kind()).isEqualTo(a.kind());
      assertThat(b.dependencies()).isEqualTo(a.dependencies());
      assertThat(b.constraints()).isEqualTo(a.constraints());
      assertThat(b.timeout()).isEqualTo(a.timeout());
      assertThat(b.retry()).isEqualTo(a.retry());
      assertThat(b.outputType()).isEqualTo(a.outputType());
    }
  }
}
