package dev.atomic.bench.structured;

import dev.atomic.output.OutputException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How parse time grows with the size of the output, for valid and malformed answers and for hostile inputs: the
 * median of repeated runs after a warm-up, in wall time and in the thread's CPU time. Linear growth shows as a flat
 * microseconds-per-kilobyte column.
 */
final class Scaling {

  private Scaling() {}

  /** One size: the median time of a valid and a malformed answer of that size. */
  static Map<String, Object> size(int lines, boolean quick) {
    String valid = Samples.valid(lines);
    String malformed = Samples.malformed(lines);
    int runs = quick ? 3 : Math.max(5, 4000 / lines);
    double validUs = median(() -> Samples.OUTPUT.parse(valid), runs);
    double malformedUs = median(() -> Samples.OUTPUT.parse(malformed), runs);
    double validCpuUs = medianCpu(() -> Samples.OUTPUT.parse(valid), runs);
    double malformedCpuUs = medianCpu(() -> Samples.OUTPUT.parse(malformed), runs);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("valid_kb", valid.length() / 1024.0);
    row.put("valid_median_us", validUs);
    row.put("valid_us_per_kb", validUs / (valid.length() / 1024.0));
    row.put("malformed_kb", malformed.length() / 1024.0);
    row.put("malformed_median_us", malformedUs);
    row.put("malformed_us_per_kb", malformedUs / (malformed.length() / 1024.0));
    row.put("valid_cpu_median_us", validCpuUs);
    row.put("valid_cpu_us_per_kb", validCpuUs / (valid.length() / 1024.0));
    row.put("malformed_cpu_median_us", malformedCpuUs);
    row.put("malformed_cpu_us_per_kb", malformedCpuUs / (malformed.length() / 1024.0));
    return row;
  }

  /** A hostile input: how long it takes to be refused (or parsed), and what came of it. */
  static Map<String, Object> hostile(String name, String input, boolean quick) {
    String[] outcome = new String[1];
    double us = median(() -> {
      try {
        Samples.OUTPUT.parse(input);
        outcome[0] = "parsed";
      } catch (OutputException e) {
        outcome[0] = e.reason().name();
      }
      return outcome[0];
    }, quick ? 2 : 5);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("input", name);
    row.put("chars", input.length());
    row.put("median_ms", us / 1000);
    row.put("outcome", outcome[0]);
    return row;
  }

  /** Median wall time of one run, in µs. */
  private static double median(Supplier<Object> work, int runs) {
    return median(work, runs, System::nanoTime);
  }

  /**
   * Median CPU time of one run on this thread, in µs: on a machine shared with other work, wall time counts the time
   * the thread waited for a core; CPU time does not.
   */
  static double medianCpu(Supplier<Object> work, int runs) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return median(work, runs, threads::getCurrentThreadCpuTime);
  }

  private static double median(Supplier<Object> work, int runs, LongSupplier clock) {
    // warm up for at least a second (and 3 runs), so the JIT has compiled the parse path before anything is timed
    long warmUntil = System.nanoTime() + 1_000_000_000L;
    for (int i = 0; i < 3 || System.nanoTime() < warmUntil; i++) {
      work.get();
    }
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = clock.getAsLong();
      work.get();
      times[i] = clock.getAsLong() - t;
    }
    Arrays.sort(times);
    return times[runs / 2] / 1000.0;
  }
}
