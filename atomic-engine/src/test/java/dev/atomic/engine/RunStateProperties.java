package dev.atomic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The scheduling rules hold for any acyclic pipeline and any order in which calls finish. */
class RunStateProperties {

  private final JsonCodec codec = JsonCodec.standard();

  /** Step i reads the outputs of the steps j < i whose bit is set in masks[i]. */
  private Pipeline pipeline(List<Integer> masks) {
    Pipeline.Builder b = Pipeline.builder("random", Fixtures.kinds()).request(Fixtures.Email.class);
    for (int i = 0; i < masks.size(); i++) {
      StringBuilder input = new StringBuilder("s").append(i);
      for (int j = 0; j < i; j++) {
        if ((masks.get(i) >> j & 1) == 1) {
          input.append(" ${steps.s").append(j).append(".output.label}");
        }
      }
      String text = input.toString();
      b.step("s" + i, s -> s.kind("text.tag").input(text));
    }
    return b.build();
  }

  @Property(tries = 200)
  void next_anyCompletionOrder_issuesEveryCallOnceAndOnlyAfterItsDependencies(
      @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 1023) Integer> masks, @ForAll long seed) {
    Pipeline p = pipeline(masks);
    RunState state = new RunState(p, JsonNodeFactory.instance.objectNode());
    Random random = new Random(seed);
    Set<String> completed = new HashSet<>();
    Set<String> issued = new HashSet<>();
    List<StepCall> pending = new ArrayList<>(state.next());
    while (!pending.isEmpty()) {
      StepCall call = pending.remove(random.nextInt(pending.size()));
      assertThat(issued.add(call.key())).as("issued twice: " + call.key()).isTrue();
      assertThat(completed).containsAll(p.step(call.step()).dependencies());
      state.completed(new CallOutcome(call.key(), codec.write(new Fixtures.Tag(call.key())), "d", "b", 0));
      completed.add(call.step());
      pending.addAll(state.next());
    }
    assertThat(state.finished()).isTrue();
    assertThat(issued).hasSize(masks.size());
  }

  @Property(tries = 100)
  void next_outcomesRecordedBeforehand_areNeverIssued(
      @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 1023) Integer> masks,
      @ForAll @IntRange(min = 0, max = 10) int alreadyDone) {
    Pipeline p = pipeline(masks);
    // A first run serves the steps in order and stops after some of them, as a crash would.
    RunState first = new RunState(p, JsonNodeFactory.instance.objectNode());
    List<CallOutcome> journal = new ArrayList<>();
    List<StepCall> pending = new ArrayList<>(first.next());
    while (!pending.isEmpty() && journal.size() < alreadyDone) {
      StepCall call = pending.removeFirst();
      CallOutcome outcome = new CallOutcome(call.key(), codec.write(new Fixtures.Tag(call.key())), "d", "b", 0);
      journal.add(outcome);
      first.completed(outcome);
      pending.addAll(first.next());
    }
    // The resumed run is seeded from the journal and must ask only for what is missing.
    RunState resumed = new RunState(p, JsonNodeFactory.instance.objectNode());
    journal.forEach(resumed::completed);
    Set<String> journaled = new HashSet<>();
    journal.forEach(o -> journaled.add(o.key()));
    List<StepCall> next = new ArrayList<>(resumed.next());
    int asked = 0;
    while (!next.isEmpty()) {
      StepCall call = next.removeFirst();
      assertThat(journaled).doesNotContain(call.key());
      asked++;
      resumed.completed(new CallOutcome(call.key(), codec.write(new Fixtures.Tag(call.key())), "d", "b", 0));
      next.addAll(resumed.next());
    }
    assertThat(resumed.finished()).isTrue();
    assertThat(asked + journal.size()).isEqualTo(masks.size());
  }
}
