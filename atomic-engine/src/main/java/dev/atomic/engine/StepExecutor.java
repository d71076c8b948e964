package dev.atomic.engine;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.task.Microtask;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * Serves one {@link StepCall} through the exchange: makes the typed input, builds the microtask with the step's
 * constraints and deadline, and lets {@link Exchange#execute} decide who serves. Both engines use it.
 *
 * <p>An answer is accepted only when the kind's own check accepts it and the accepted value converts to the kind's
 * output type; otherwise the exchange escalates to the next bid, as for any rejected answer.
 */
public final class StepExecutor {

  private final Exchange exchange;
  private final InstantSource clock;
  private final JsonCodec codec = JsonCodec.standard();

  public StepExecutor(Exchange exchange, InstantSource clock) {
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Serves the call once (one auction, with the exchange's escalation).
   *
   * @param runDeadline when the whole run must be done, or {@code null}
   * @throws PipelineException when the input does not fit the kind's input type (retrying cannot help)
   * @throws dev.atomic.AtomicException when the exchange found no eligible bid or every attempt failed
   */
  public CallOutcome execute(Pipeline pipeline, String runId, String tenant, StepCall call, Instant runDeadline) {
    return execute(pipeline, runId, tenant, call, runDeadline, RunObserver.StepWatch.NONE);
  }

  /**
   * Serves the call once, as {@link #execute(Pipeline, String, String, StepCall, Instant)}, with the auction passed
   * through the step's {@code watch}.
   */
  public CallOutcome execute(Pipeline pipeline, String runId, String tenant, StepCall call, Instant runDeadline,
      RunObserver.StepWatch watch) {
    Step step = pipeline.step(call.step());
    StepKind kind = pipeline.kinds().kind(call.kind()).orElseThrow(() -> new PipelineException(step.location(),
        step.id(), "call " + call.key() + " names unknown kind '" + call.kind() + "'"));
    Object input;
    try {
      input = codec.convert(codec.read(call.inputJson()), kind.inputType());
    } catch (IllegalArgumentException e) {
      throw new PipelineException(step.location(), step.id(), "the input of call " + call.key() + " does not fit "
          + Types.name(kind.inputType()) + ": " + Compiler.firstLine(e.getMessage()));
    }
    Instant deadline = runDeadline;
    if (step.timeout().isPresent()) {
      Instant stepDeadline = clock.instant().plus(step.timeout().get());
      deadline = deadline == null || stepDeadline.isBefore(deadline) ? stepDeadline : deadline;
    }
    Microtask task = Microtask.builder(kind.name())
        .id(runId + ":" + call.key())
        .input(input)
        .outputType(kind.outputType())
        .constraints(step.constraints().toConstraints(deadline))
        .dataClasses(step.constraints().dataClasses())
        .tenant(tenant)
        .build();
    Execution execution = watch.serve(task, () -> exchange.execute(task, typed(kind)));
    return new CallOutcome(call.key(), codec.write(execution.output()), execution.decision().id(),
        execution.servedBy(), execution.totalCostUsd());
  }

  private OutputCheck typed(StepKind kind) {
    return (task, answer) -> {
      OutputCheck.Verdict verdict = kind.check().check(task, answer);
      if (verdict instanceof OutputCheck.Verdict.Accept(Object value, List<String> repairs)) {
        try {
          // The repairs were made to the model's output on the way to this value; converting it repairs nothing more.
          return new OutputCheck.Verdict.Accept(codec.convert(value, kind.outputType()), repairs);
        } catch (IllegalArgumentException e) {
          return new OutputCheck.Verdict.Reject("output " + value + " does not fit " + Types.name(kind.outputType())
              + ": " + Compiler.firstLine(e.getMessage()));
        }
      }
      return verdict;
    };
  }
}
