package dev.atomic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where one run of a pipeline stands, and which calls it needs next: the scheduling logic both engines share.
 *
 * <p>Deterministic and single-threaded on purpose: the embedded engine drives it from one thread per run, and the
 * Temporal workflow drives it from workflow code, which must replay identically. Outcomes may be recorded before the
 * call is asked for (from a journal, on resume); such a call is then never asked for.
 *
 * <p>Rules: a step is ready when every dependency is completed or skipped. It is skipped when a dependency was skipped
 * or its condition is false. A fan-out over an empty list completes with an empty list. A planner step first asks for
 * its plan, validates it against the registered kinds, then asks for every planned task.
 */
public final class RunState {

  private static final Pattern TASK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");

  private enum Phase { WAITING, CALLING, PLANNED, COMPLETED, SKIPPED }

  private static final class StepState {
    final Step step;
    Phase phase = Phase.WAITING;
    JsonNode output;
    List<StepCall> calls = List.of();
    List<String> plannedNames = List.of();

    StepState(Step step) {
      this.step = step;
    }

    boolean terminal() {
      return phase == Phase.COMPLETED || phase == Phase.SKIPPED;
    }
  }

  private final Pipeline pipeline;
  private final JsonNode request;
  private final JsonCodec codec = JsonCodec.standard();
  private final Map<String, StepState> states = new LinkedHashMap<>();
  private final Map<String, CallOutcome> done = new LinkedHashMap<>();
  private final Set<String> issued = new HashSet<>();

  public RunState(Pipeline pipeline, JsonNode request) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.request = Objects.requireNonNull(request, "request");
    pipeline.steps().forEach(s -> states.put(s.id(), new StepState(s)));
  }

  /** Records a served call; it may arrive before the call was asked for (on resume). */
  public void completed(CallOutcome outcome) {
    done.put(outcome.key(), outcome);
  }

  /** Whether the call with this key is served already. */
  public boolean isDone(String key) {
    return done.containsKey(key);
  }

  /**
   * Advances the run as far as the recorded outcomes allow and returns the calls that are now needed and were not asked
   * for before, in a deterministic order.
   *
   * @throws PipelineException when a planner's plan does not fit the registered kinds
   */
  public List<StepCall> next() {
    List<StepCall> needed = new ArrayList<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (StepState s : states.values()) {
        progress |= advance(s, needed);
      }
    }
    return needed;
  }

  /** Whether every step completed or was skipped. */
  public boolean finished() {
    return states.values().stream().allMatch(StepState::terminal);
  }

  /** The run's result as it stands, with the given status. */
  public RunResult result(String runId, RunResult.Status status, String failure) {
    Map<String, StepResult> steps = new LinkedHashMap<>();
    for (StepState s : states.values()) {
      steps.put(s.step.id(), stepResult(s));
    }
    return new RunResult(runId, pipeline.name(), status, steps, failure);
  }

  /** One step's result as it stands: {@link StepResult.Status#NOT_RUN} until it completes or is skipped. */
  public StepResult stepResult(String stepId) {
    StepState s = states.get(stepId);
    if (s == null) {
      throw new IllegalArgumentException("pipeline '" + pipeline.name() + "' has no step '" + stepId + "'");
    }
    return stepResult(s);
  }

  private StepResult stepResult(StepState s) {
    StepResult.Status st = switch (s.phase) {
      case COMPLETED -> StepResult.Status.COMPLETED;
      case SKIPPED -> StepResult.Status.SKIPPED;
      default -> StepResult.Status.NOT_RUN;
    };
    // In the step's own order (the plan first, then its tasks; fan-out elements by index), not completion order.
    List<CallOutcome> calls = new ArrayList<>();
    if (done.containsKey(s.step.id())) {
      calls.add(done.get(s.step.id()));
    }
    for (StepCall c : s.calls) {
      if (!c.key().equals(s.step.id()) && done.containsKey(c.key())) {
        calls.add(done.get(c.key()));
      }
    }
    return new StepResult(s.step.id(), st, s.output, calls);
  }

  private boolean advance(StepState s, List<StepCall> needed) {
    switch (s.phase) {
      case WAITING -> {
        return start(s);
      }
      case CALLING, PLANNED -> {
        boolean allDone = true;
        for (StepCall call : s.calls) {
          if (!done.containsKey(call.key())) {
            allDone = false;
            if (issued.add(call.key())) {
              needed.add(call);
            }
          }
        }
        if (!allDone) {
          return false;
        }
        if (s.step.kind().planner() && s.phase == Phase.CALLING) {
          plan(s);
        } else {
          finish(s);
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private boolean start(StepState s) {
    for (String dep : s.step.dependencies()) {
      StepState d = states.get(dep);
      if (!d.terminal()) {
        return false;
      }
      if (d.phase == Phase.SKIPPED) {
        s.phase = Phase.SKIPPED;
        return true;
      }
    }
    if (s.step.when() != null) {
      JsonNode condition = s.step.when().evaluate(hole -> root(hole, null));
      if (!condition.isBoolean()) {
        throw new PipelineException(s.step.location(), s.step.id(), "when '" + s.step.when()
            + "' gave " + condition + ", not a boolean");
      }
      if (!condition.booleanValue()) {
        s.phase = Phase.SKIPPED;
        return true;
      }
    }
    List<StepCall> calls = new ArrayList<>();
    if (s.step.fansOut()) {
      JsonNode items = s.step.forEach().evaluate(hole -> root(hole, null));
      if (!items.isArray()) {
        throw new PipelineException(s.step.location(), s.step.id(), "forEach '" + s.step.forEach() + "' gave "
            + items + ", not a list");
      }
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        calls.add(call(s, s.step.id() + "[" + i + "]", s.step.kind().name(),
            s.step.input().evaluate(hole -> root(hole, item))));
      }
    } else {
      calls.add(call(s, s.step.id(), s.step.kind().name(), s.step.input().evaluate(hole -> root(hole, null))));
    }
    s.calls = calls;
    s.phase = Phase.CALLING;
    return true;
  }

  private StepCall call(StepState s, String key, String kind, JsonNode input) {
    return new StepCall(key, s.step.id(), kind, codec.write(input));
  }

  /** Validates the plan the planner returned and turns it into calls; nothing planned runs unless all of it fits. */
  private void plan(StepState s) {
    Step step = s.step;
    Plan plan;
    try {
      plan = (Plan) codec.convert(codec.read(done.get(step.id()).outputJson()), Plan.class);
    } catch (IllegalArgumentException e) {
      throw new PipelineException(step.location(), step.id(), "the planner's output is not a plan: "
          + Compiler.firstLine(e.getMessage()));
    }
    List<StepCall> calls = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < plan.tasks().size(); i++) {
      Plan.PlannedTask task = plan.tasks().get(i);
      String where = "planned task " + (i + 1);
      if (task == null || task.name() == null || !TASK_NAME.matcher(task.name()).matches()) {
        throw new PipelineException(step.location(), step.id(), where + " needs a name of letters, digits, '-' or '_',"
            + " was " + (task == null ? null : "'" + task.name() + "'"));
      }
      where += " ('" + task.name() + "')";
      if (names.contains(task.name())) {
        throw new PipelineException(step.location(), step.id(), where + " repeats a name");
      }
      StepKind kind = task.kind() == null ? null : pipeline.kinds().kind(task.kind()).orElse(null);
      if (kind == null) {
        throw new PipelineException(step.location(), step.id(), where + " has unknown kind '" + task.kind()
            + "' (registered: " + String.join(", ", pipeline.kinds().kindNames()) + ")");
      }
      if (kind.planner()) {
        throw new PipelineException(step.location(), step.id(), where + " is itself a planner (" + kind.name()
            + "); plans do not nest");
      }
      try {
        codec.convert(task.input(), kind.inputType());
      } catch (IllegalArgumentException e) {
        throw new PipelineException(step.location(), step.id(), where + ": its input does not fit " + kind.name()
            + "'s input " + Types.name(kind.inputType()) + ": " + Compiler.firstLine(e.getMessage()));
      }
      names.add(task.name());
      calls.add(call(s, step.id() + "/" + task.name(), kind.name(), codec.toTree(task.input())));
    }
    s.plannedNames = names;
    s.calls = calls;
    s.phase = Phase.PLANNED;
  }

  private void finish(StepState s) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (s.step.kind().planner()) {
      ObjectNode out = f.objectNode();
      for (int i = 0; i < s.calls.size(); i++) {
        out.set(s.plannedNames.get(i), codec.read(done.get(s.calls.get(i).key()).outputJson()));
      }
      s.output = out;
    } else if (s.step.fansOut()) {
      ArrayNode out = f.arrayNode();
      s.calls.forEach(c -> out.add(codec.read(done.get(c.key()).outputJson())));
      s.output = out;
    } else {
      s.output = codec.read(done.get(s.step.id()).outputJson());
    }
    s.phase = Phase.COMPLETED;
  }

  private JsonNode root(Expression.Hole hole, JsonNode item) {
    return switch (hole.root()) {
      case "request" -> request;
      case "item" -> item;
      default -> states.get(hole.step()).output;
    };
  }
}
