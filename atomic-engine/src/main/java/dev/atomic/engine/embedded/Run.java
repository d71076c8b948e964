package dev.atomic.engine.embedded;

import dev.atomic.engine.RunResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** One run in progress on an {@link EmbeddedEngine}: its id, its eventual result, and a way to cancel it. */
public final class Run {

  private final String id;
  private final CompletableFuture<RunResult> result = new CompletableFuture<>();
  private final AtomicBoolean cancelRequested = new AtomicBoolean();
  private volatile Thread driver;

  Run(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * Completes with the run's result when it succeeds, fails or is cancelled; completes exceptionally only when the
   * engine was closed under it (the run then stays resumable from its journal).
   */
  public CompletableFuture<RunResult> result() {
    return result;
  }

  /** Waits for the result; see {@link #result()}. */
  public RunResult await() {
    return result.join();
  }

  /** Stops the run: calls in flight are interrupted, and the run ends as CANCELLED. */
  public void cancel() {
    cancelRequested.set(true);
    Thread t = driver;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Interrupts the run without ending it, as a crash would. */
  void abandon() {
    Thread t = driver;
    if (t != null) {
      t.interrupt();
    }
  }

  boolean cancelRequested() {
    return cancelRequested.get();
  }

  void drivenBy(Thread thread) {
    this.driver = thread;
    if (cancelRequested.get()) {
      thread.interrupt();
    }
  }

  CompletableFuture<RunResult> future() {
    return result;
  }
}
