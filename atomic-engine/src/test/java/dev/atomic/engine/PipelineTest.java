package dev.atomic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {

  @Test
  void build_cycle_isRejectedNamingTheBuilderAndStep() {
    var builder = Pipeline.builder("loop", Fixtures.kinds()).request(Fixtures.Email.class)
        .step("a", s -> s.kind("text.tag").input("${request.subject}").after("c"))
        .step("b", s -> s.kind("text.tag").input("${request.subject}").after("a"))
        .step("c", s -> s.kind("text.tag").input("${request.subject}").after("b"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(PipelineException.class)
        .hasMessage("builder 'loop': step 'a': steps form a cycle: a -> c -> b -> a");
  }

  @Test
  void build_unknownKind_isRejected() {
    var builder = Pipeline.builder("p", Fixtures.kinds())
        .step("a", s -> s.kind("text.nope").input("x"));

    assertThatThrownBy(builder::build).hasMessageContaining("step 'a': unknown step kind 'text.nope'");
  }

  @Test
  void build_stepWithoutKindOrInput_isRejected() {
    assertThatThrownBy(() -> Pipeline.builder("p", Fixtures.kinds()).step("a", s -> s.input("x")).build())
        .hasMessageContaining("step 'a': has no kind");
    assertThatThrownBy(() -> Pipeline.builder("p", Fixtures.kinds()).step("a", s -> s.kind("text.tag")).build())
        .hasMessageContaining("step 'a': has no input");
    assertThatThrownBy(() -> Pipeline.builder("p", Fixtures.kinds()).build())
        .hasMessageContaining("pipeline 'p' has no steps");
  }

  @Test
  void stepBuilder_badValues_failAtOnceShowingTheValue() {
    assertThatThrownBy(() -> Pipeline.builder("p", Fixtures.kinds()).step("a", s -> s.maxCostUsd(-1)))
        .hasMessage("maxCostUsd must be >= 0 (or +Infinity for no limit), was -1.0");
    assertThatThrownBy(() -> Pipeline.builder("p", Fixtures.kinds()).step("a", s -> s.timeout(Duration.ZERO)))
        .hasMessage("step 'a' timeout must be positive, was PT0S");
    assertThatThrownBy(() -> Pipeline.builder(" ", Fixtures.kinds()))
        .hasMessage("pipeline name must not be blank");
    assertThatThrownBy(() -> Pipeline.builder("p", Fixtures.kinds()).step("Bad Id", s -> s.kind("text.tag")
        .input("x")).build())
        .hasMessageContaining("step ids are lower-case names such as 'spam' or 'draft-reply', was 'Bad Id'");
  }

  @Test
  void build_inputMapForNonRecordKind_isRejected() {
    var builder = Pipeline.builder("p", Fixtures.kinds())
        .step("a", s -> s.kind("text.tag").input(Map.of("text", "x")));

    assertThatThrownBy(builder::build)
        .hasMessageContaining("step 'a': input is a map of fields, but text.tag takes String, which is not a record");
  }

  @Test
  void build_fanOutOutput_isTypedAsAList() {
    var builder = Pipeline.builder("p", Fixtures.kinds()).request(Fixtures.Email.class)
        .step("tags", s -> s.kind("text.tag").forEach("${request.paragraphs}").input("${item}"))
        .step("reply", s -> s.kind("email.reply")
            .input(Map.of("subject", "${steps.tags.output}", "summary", "x")));

    assertThatThrownBy(builder::build)
        .hasMessage("builder 'p': step 'reply': input field 'subject' expects String, but '${steps.tags.output}'"
            + " is List<Tag>");
  }

  @Test
  void stepKinds_duplicatesAndBadNames_areRejected() {
    assertThatThrownBy(() -> StepKinds.builder().kind("a.b", String.class, String.class)
        .kind("a.b", String.class, String.class))
        .hasMessage("step kind 'a.b' is registered twice");
    assertThatThrownBy(() -> StepKinds.builder().kind("A B", String.class, String.class))
        .hasMessageContaining("was 'A B'");
    assertThatThrownBy(() -> StepKinds.builder().type("no spaces", String.class))
        .hasMessage("type name must look like 'Email' or 'mail.Email', was 'no spaces'");
  }
}
