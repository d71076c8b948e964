package dev.atomic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunStateTest {

  private final JsonCodec codec = JsonCodec.standard();
  private final Pipeline triage = Fixtures.pipeline("email-triage.yaml");

  @Test
  void next_fanOutOverAnEmptyList_completesWithAnEmptyList() {
    Fixtures.Email email = new Fixtures.Email("a", "WINNER", "b", List.of());
    RunState state = new RunState(triage, codec.toTree(email));

    List<StepCall> calls = state.next();

    assertThat(calls).extracting(StepCall::key).containsExactly("spam", "summary");
    assertThat(state.result("r", RunResult.Status.SUCCEEDED, null).step("tags").output()).isEmpty();
  }

  @Test
  void next_skippedStep_skipsTheStepsThatReadIt() {
    Pipeline p = Pipeline.builder("chain", Fixtures.kinds()).request(Fixtures.Email.class)
        .step("spam", s -> s.kind("email.spam").input("${request}"))
        .step("reply", s -> s.kind("email.reply").when("${!steps.spam.output.spam}")
            .input(java.util.Map.of("subject", "${request.subject}", "summary", "x")))
        .step("tag", s -> s.kind("text.tag").input("${steps.reply.output.text}"))
        .build();
    RunState state = new RunState(p, codec.toTree(Fixtures.spam()));
    state.next();

    state.completed(new CallOutcome("spam", codec.write(new Fixtures.SpamVerdict(true, 1)), "d", "b", 0));

    assertThat(state.next()).isEmpty();
    assertThat(state.finished()).isTrue();
    RunResult result = state.result("r", RunResult.Status.SUCCEEDED, null);
    assertThat(result.step("reply").status()).isEqualTo(StepResult.Status.SKIPPED);
    assertThat(result.step("tag").status()).isEqualTo(StepResult.Status.SKIPPED);
  }

  @Test
  void next_fanOut_bindsEachElementToItem() {
    RunState state = new RunState(triage, codec.toTree(Fixtures.ham()));

    List<StepCall> calls = state.next();

    assertThat(calls).filteredOn(c -> c.step().equals("tags")).extracting(StepCall::inputJson)
        .containsExactly("\"Can we move the meeting\"", "\"to ten\"");
  }
}
