package dev.atomic.store;

import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ExchangeListener} that records what an exchange does in a {@link Store}: each microtask and decision
 * (against its run and step when it belongs to a pipeline run), each execution with its output, each failure and each
 * feedback. Register it with {@code Exchange.builder().listener(...)}.
 *
 * <p>It only queues entries, so it adds little to an award; a write that fails later is logged and counted in
 * {@link #failures()}, and never reaches the exchange. A microtask recorded twice (by a caller on arrival and by this
 * recorder at its auction, or auctioned again on a retry) is kept as first recorded.
 */
public final class LedgerRecorder implements ExchangeListener {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerRecorder.class);

  private final Store store;
  private final InstantSource clock;
  private final Function<Microtask, Optional<RunStep>> runs;
  private final boolean recordsFeedback;
  private final AtomicLong failures = new AtomicLong();

  private LedgerRecorder(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.runs = b.runs;
    this.recordsFeedback = b.recordsFeedback;
  }

  /** Records into the store, stamping entries with the system clock. */
  public static LedgerRecorder of(Store store) {
    return builder(store).build();
  }

  /** Records into the store, stamping executions, outputs and feedback with the given clock. */
  public static LedgerRecorder of(Store store, InstantSource clock) {
    return builder(store).clock(clock).build();
  }

  /** Starts configuring a recorder into the store. */
  public static Builder builder(Store store) {
    return new Builder(store);
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    Optional<RunStep> step = runStep(task);
    String runId = step.map(RunStep::runId).orElse(null);
    String stepId = step.map(RunStep::stepId).orElse(null);
    record(new MicrotaskEntry(task, runId, stepId, Instant.ofEpochMilli(decision.decidedAtEpochMs())));
    record(new DecisionEntry(decision, runId, stepId));
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    record(ExecutionEntry.of(execution, clock.instant()));
    OutputEntry output;
    try {
      output = OutputEntry.of(execution, clock.instant());
    } catch (StoreException e) {
      failed(e);
      return;
    }
    record(output);
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    record(ExecutionEntry.failed(failure, clock.instant()));
  }

  @Override
  public void onFeedback(String decisionId, Feedback feedback) {
    if (recordsFeedback) {
      record(new FeedbackEntry(decisionId, feedback, "", clock.instant()));
    }
  }

  /** How many entries could not be recorded. */
  public long failures() {
    return failures.get();
  }

  private Optional<RunStep> runStep(Microtask task) {
    try {
      return Objects.requireNonNullElse(runs.apply(task), Optional.empty());
    } catch (RuntimeException e) {
      failed(e); // a broken attribution loses the run columns, not the entries
      return Optional.empty();
    }
  }

  private void record(LedgerEntry entry) {
    try {
      store.record(entry).whenComplete((ok, error) -> {
        if (error != null) {
          failed(new StoreException(entry.describe() + " was not written to the ledger: " + error.getMessage(),
              error));
        }
      });
    } catch (StoreException e) {
      failed(e); // closed, or the queue stayed full: the award goes on unrecorded
    }
  }

  private void failed(Throwable error) {
    long count = failures.incrementAndGet();
    // An outage fails every event; log the 1st, 2nd, 4th, 8th... so the log shows it without drowning in it.
    if (Long.bitCount(count) == 1) {
      LOG.warn("the ledger could not record an exchange event ({} failures so far): {}", count, error.getMessage());
    }
  }

  /** Configures a {@link LedgerRecorder}. */
  public static final class Builder {

    private final Store store;
    private InstantSource clock = InstantSource.system();
    private Function<Microtask, Optional<RunStep>> runs = task -> Optional.empty();
    private boolean recordsFeedback = true;

    private Builder(Store store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** The clock that stamps executions, outputs and feedback; the system clock by default. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Which run and step a microtask belongs to, if any; its microtask and decision entries are recorded against
     * them. None by default.
     */
    public Builder runs(Function<Microtask, Optional<RunStep>> runs) {
      this.runs = Objects.requireNonNull(runs, "runs");
      return this;
    }

    /**
     * Leaves feedback to the caller, for one that records it itself with what the exchange does not carry (the
     * server's feedback route keeps the caller's note); the ledger takes one feedback per decision.
     */
    public Builder feedbackRecordedByCaller() {
      this.recordsFeedback = false;
      return this;
    }

    public LedgerRecorder build() {
      return new LedgerRecorder(this);
    }
  }
}
