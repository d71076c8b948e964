package dev.atomic.bench.pipeline;

import dev.atomic.engine.RunResult;
import dev.atomic.examples.triage.Category;
import dev.atomic.examples.triage.Email;
import dev.atomic.examples.triage.Inbox;
import dev.atomic.examples.triage.Spam;
import dev.atomic.examples.triage.TriageApp;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the e-mail triage application over a stream of messages on one engine and measures it: throughput, each run's
 * latency (start to result), heap after a full GC every {@code heapEvery} messages, how often the model embedded a
 * message, and whether the answers were right. Messages a person reviewed (the inbox says which) are taught back, as
 * in the demo, so the heads learn and take over while the benchmark runs; teaching counts in the throughput, not in a
 * run's latency.
 */
final class EmailPipelineRun {

  /** Runs one e-mail through the pipeline on some engine, to its result. */
  @FunctionalInterface
  interface Engine {
    RunResult process(Email email) throws Exception;
  }

  private final TriageApp app;
  private final Engine engine;
  private final EmailStream stream;
  private final CountingEmbedder model;
  private final PrintStream progress;
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong spamRight = new AtomicLong();
  private final AtomicLong categoryRight = new AtomicLong();

  EmailPipelineRun(TriageApp app, Engine engine, EmailStream stream, CountingEmbedder model, PrintStream progress) {
    this.app = app;
    this.engine = engine;
    this.stream = stream;
    this.model = model;
    this.progress = progress;
  }

  /**
   * Warms up on {@code warmup} messages, then measures {@code messages} more, {@code concurrency} at a time, with a
   * heap reading after every {@code heapEvery} (and at the end).
   */
  Map<String, Object> measure(String label, int warmup, int messages, int concurrency, int heapEvery)
      throws Exception {
    progress.printf("pipeline: %s, warming up on %,d messages...%n", label, warmup);
    long[] warmupNanos = new long[warmup];
    drive(0, warmup, concurrency, warmupNanos, 0);
    failed.set(0);
    spamRight.set(0);
    categoryRight.set(0);

    long callsBefore = model.calls();
    long[] nanos = new long[messages];
    List<Map<String, Object>> heap = new ArrayList<>();
    heap.add(heapReading(0));
    double seconds = 0;
    double loadBefore = os().getSystemLoadAverage();
    long cpuBefore = os().getProcessCpuTime();
    // Each stretch between heap readings on its own too: the heads' cost grows until they are full.
    List<Map<String, Object>> stretches = new ArrayList<>();
    for (int done = 0; done < messages; ) {
      int n = Math.min(heapEvery, messages - done);
      long start = System.nanoTime();
      long cpuStart = os().getProcessCpuTime();
      drive(warmup + done, n, concurrency, nanos, done);
      double stretchSeconds = (System.nanoTime() - start) / 1e9;
      double stretchCpu = (os().getProcessCpuTime() - cpuStart) / 1e9;
      seconds += stretchSeconds;
      done += n;
      Map<String, Object> stretch = new LinkedHashMap<>();
      stretch.put("after_messages", (long) done);
      stretch.put("messages_per_second", n / stretchSeconds);
      stretch.put("messages_per_cpu_second", n / stretchCpu);
      stretches.add(stretch);
      heap.add(heapReading(done));
      progress.printf("pipeline: %s, %,d messages, %.0f/s (last %,d: %.0f/s, %.0f per CPU-s), heap after GC %.1f MB%n",
          label, done, done / seconds, n, n / stretchSeconds, n / stretchCpu, (double) heap.getLast().get("heap_mb"));
    }
    double cpuSeconds = (os().getProcessCpuTime() - cpuBefore) / 1e9;
    long embeddings = model.calls() - callsBefore;
    Arrays.sort(nanos);
    double firstHeap = (double) heap.get(1).get("heap_mb");
    double maxHeap = heap.stream().skip(1).mapToDouble(h -> (double) h.get("heap_mb")).max().orElseThrow();

    Map<String, Object> row = new LinkedHashMap<>();
    row.put("messages", messages);
    row.put("warmup_messages", warmup);
    row.put("concurrency", concurrency);
    row.put("messages_per_second", messages / seconds);
    row.put("process_cpu_seconds", cpuSeconds);
    row.put("messages_per_cpu_second", messages / cpuSeconds);
    row.put("load_average_before", loadBefore);
    row.put("load_average_after", os().getSystemLoadAverage());
    row.put("p50_ms", percentile(nanos, 0.50) / 1e6);
    row.put("p99_ms", percentile(nanos, 0.99) / 1e6);
    row.put("max_ms", nanos[nanos.length - 1] / 1e6);
    row.put("heap_mb_after", heap.getLast().get("heap_mb"));
    row.put("heap_mb_first_checkpoint", firstHeap);
    row.put("heap_mb_max_checkpoint", maxHeap);
    row.put("heap_after_gc", heap);
    row.put("stretches", stretches);
    row.put("model_embeddings", embeddings);
    row.put("model_embeddings_per_message", embeddings / (double) messages);
    row.put("failed_runs", failed.get());
    row.put("spam_accuracy", spamRight.get() / (double) messages);
    row.put("category_accuracy", categoryRight.get() / (double) messages);
    return row;
  }

  /** Runs messages {@code first .. first+count-1}, {@code concurrency} drivers at once, latencies into {@code into}. */
  private void drive(long first, int count, int concurrency, long[] into, int offset) throws Exception {
    AtomicLong next = new AtomicLong();
    // Platform threads as drivers: they only wait for results; the engine's own threads do the work.
    try (ExecutorService drivers = Executors.newFixedThreadPool(concurrency)) {
      List<Future<Void>> running = new ArrayList<>();
      for (int d = 0; d < concurrency; d++) {
        running.add(drivers.submit(() -> {
          for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            into[offset + (int) i] = one(stream.message(first + i));
          }
          return null;
        }));
      }
      for (Future<Void> f : running) {
        f.get();
      }
    }
  }

  private long one(Inbox.Message m) throws Exception {
    long start = System.nanoTime();
    RunResult run = engine.process(m.email());
    long nanos = System.nanoTime() - start;
    if (run.status() != RunResult.Status.SUCCEEDED) {
      failed.incrementAndGet();
      return nanos;
    }
    if (run.output("spam", Spam.class) == m.spam()) {
      spamRight.incrementAndGet();
    }
    if (run.output("category", Category.class) == m.category()) {
      categoryRight.incrementAndGet();
    }
    if (m.feedback()) {
      app.teach(run, m.email(), m.spam(), m.category());
    }
    return nanos;
  }

  private static Map<String, Object> heapReading(long afterMessages) {
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Map<String, Object> reading = new LinkedHashMap<>();
    reading.put("after_messages", afterMessages);
    reading.put("heap_mb", Math.round(used / 1e5) / 10.0);
    return reading;
  }

  private static com.sun.management.OperatingSystemMXBean os() {
    return (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
  }
}
