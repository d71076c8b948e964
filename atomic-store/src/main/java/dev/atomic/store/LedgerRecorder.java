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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ExchangeListener} that records what an exchange does in a {@link Store}: each microtask and decision, each
 * execution with its output, each failure and each feedback. Register it with {@code Exchange.builder().listener(...)}.
 *
 * <p>It only queues entries, so it adds little to an award; a write that fails later is logged and counted in
 * {@link #failures()}, and never reaches the exchange.
 */
public final class LedgerRecorder implements ExchangeListener {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerRecorder.class);

  private final Store store;
  private final InstantSource clock;
  private final AtomicLong failures = new AtomicLong();

  private LedgerRecorder(Store store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Records into the store, stamping entries with the system clock. */
  public static LedgerRecorder of(Store store) {
    return of(store, InstantSource.system());
  }

  /** Records into the store, stamping executions, outputs and feedback with the given clock. */
  public static LedgerRecorder of(Store store, InstantSource clock) {
    return new LedgerRecorder(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    record(new MicrotaskEntry(task, null, null, Instant.ofEpochMilli(decision.decidedAtEpochMs())));
    record(DecisionEntry.of(decision));
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
    record(new FeedbackEntry(decisionId, feedback, "", clock.instant()));
  }

  /** How many entries could not be recorded. */
  public long failures() {
    return failures.get();
  }

  private void record(LedgerEntry entry) {
    try {
      store.record(entry).whenComplete((ok, error) -> {
        if (error != null) {
          failed(error);
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
}
