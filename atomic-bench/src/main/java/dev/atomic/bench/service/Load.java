package dev.atomic.bench.service;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** A closed-loop load: each client makes its next call as soon as its last one answered. */
final class Load {

  /** One call; false when it failed (the failure is counted, its latency still recorded). */
  @FunctionalInterface
  interface Call {
    boolean call() throws Exception;
  }

  /**
   * What a load measured.
   *
   * @param latenciesMs every call's latency in ms, sorted
   * @param seconds wall time of the whole load
   * @param failed calls that failed or threw
   */
  record Result(double[] latenciesMs, double seconds, long failed) {

    double percentile(double q) {
      int index = (int) Math.ceil(q * latenciesMs.length) - 1;
      return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, index))];
    }

    double callsPerSecond() {
      return latenciesMs.length / seconds;
    }

    long succeeded() {
      return latenciesMs.length - failed;
    }
  }

  private Load() {}

  /** Runs {@code calls} calls on each of {@code clients} virtual threads at once. */
  static Result closedLoop(int clients, int calls, Call call) throws Exception {
    double[] latencies = new double[clients * calls];
    AtomicLong failed = new AtomicLong();
    long began = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?>[] done = new Future<?>[clients];
      for (int c = 0; c < clients; c++) {
        int offset = c * calls;
        done[c] = threads.submit(() -> {
          for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            boolean ok;
            try {
              ok = call.call();
            } catch (Exception e) {
              ok = false;
            }
            latencies[offset + i] = (System.nanoTime() - start) / 1e6;
            if (!ok) {
              failed.incrementAndGet();
            }
          }
        });
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    Arrays.sort(latencies);
    return new Result(latencies, seconds, failed.get());
  }
}
