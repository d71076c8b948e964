package dev.atomic.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Calls a bidder's {@code serve} on a virtual thread under a timeout, so that no bidder can hang an execution. */
final class Calls {

  private Calls() {}

  /** How one call ended. */
  sealed interface Result {
    double latencyMs();
  }

  record Ok(Answer answer) implements Result {
    @Override
    public double latencyMs() {
      return answer.latency().toNanos() / 1e6;
    }
  }

  record Failed(String why, double latencyMs) implements Result {}

  record TimedOut(double latencyMs) implements Result {}

  static Future<Answer> start(ExecutorService executor, Bidder bidder, Microtask task) {
    return executor.submit(() -> bidder.serve(task));
  }

  static Result await(Future<Answer> future, long startNanos, long deadlineNanos) {
    try {
      Answer answer = future.get(Math.max(deadlineNanos - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
      if (answer == null) {
        return new Failed("serve returned null", elapsedMs(startNanos));
      }
      return new Ok(answer);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new TimedOut(elapsedMs(startNanos));
    } catch (ExecutionException e) {
      return new Failed("serve threw " + e.getCause(), elapsedMs(startNanos));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new Failed("interrupted while waiting for the answer", elapsedMs(startNanos));
    }
  }

  static Result call(ExecutorService executor, Bidder bidder, Microtask task, long timeoutNanos) {
    long start = System.nanoTime();
    if (bidder.servesInline()) {
      // Answers from memory: handing it to a virtual thread would cost more than the answer.
      try {
        Answer answer = bidder.serve(task);
        return answer == null ? new Failed("serve returned null", elapsedMs(start)) : new Ok(answer);
      } catch (Exception e) {
        return new Failed("serve threw " + e, elapsedMs(start));
      }
    }
    return await(start(executor, bidder, task), start, start + timeoutNanos);
  }

  private static double elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
