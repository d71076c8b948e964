package dev.atomic.bench.service;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
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
   * @param cpuMsPerCall this process's CPU time (every thread, clients included) over the load, per call
   */
  record Result(double[] latenciesMs, double seconds, long failed, double cpuMsPerCall) {

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

  /** Runs {@code calls} calls on each of {@code clients} threads, all starting at once. */
  static Result closedLoop(int clients, int calls, Call call) throws Exception {
    return closedLoop(clients, calls, Duration.ZERO, call);
  }

  /**
   * Runs {@code calls} calls on each of {@code clients} threads, client {@code c} starting {@code c/clients} of
   * {@code spread} after the first. Independent callers do not arrive together: clients that all start at the same
   * instant and wait the same model time stay in lockstep, and every round then arrives as one burst, which measures
   * how fast the cores drain a burst rather than what one request costs. Spreading the starts over one model time
   * gives the same offered load, evenly.
   */
  static Result closedLoop(int clients, int calls, Duration spread, Call call) throws Exception {
    double[] latencies = new double[clients * calls];
    AtomicLong failed = new AtomicLong();
    long cpuBefore = processCpuNanos();
    long began = System.nanoTime();
    // Platform threads, as a load generator's: a blocking call then waits in the kernel and is woken by it, where a
    // virtual thread would be handed back by the JDK's poller, a hop the callers of a service would not all pay.
    ThreadFactory platform = Thread.ofPlatform().name("client-", 0).factory();
    try (ExecutorService threads = Executors.newThreadPerTaskExecutor(platform)) {
      Future<?>[] done = new Future<?>[clients];
      for (int c = 0; c < clients; c++) {
        int offset = c * calls;
        long startAt = began + spread.toNanos() * c / clients;
        done[c] = threads.submit(() -> {
          waitUntil(startAt);
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
          return null;
        });
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    double cpuMsPerCall = (processCpuNanos() - cpuBefore) / 1e6 / latencies.length;
    Arrays.sort(latencies);
    return new Result(latencies, seconds, failed.get(), cpuMsPerCall);
  }

  private static void waitUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
