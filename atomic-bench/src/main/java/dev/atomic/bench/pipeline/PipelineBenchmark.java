package dev.atomic.bench.pipeline;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.RunResult;
import dev.atomic.engine.embedded.EmbeddedEngine;
import dev.atomic.engine.embedded.Run;
import dev.atomic.engine.journal.FileJournal;
import dev.atomic.engine.journal.InMemoryJournal;
import dev.atomic.engine.journal.Journal;
import dev.atomic.exchange.Exchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ./atomic bench pipeline}: the embedded engine's own cost. An e-mail triage of five calls per run is served by
 * an instant in-process bidder, so the figures are the engine's overhead (scheduling on virtual threads, JSON values
 * between steps, an auction per call, the journal), not any model's latency: one run after another and 64 at once,
 * with the in-memory journal and with the file journal (an fsync per served call), plus resuming a finished run.
 */
public final class PipelineBenchmark implements Benchmark {

  private static final int CALLS_PER_RUN = 5;

  @Override
  public String name() {
    return "pipeline";
  }

  @Override
  public String description() {
    return "embedded engine overhead per run and per call: sequential and concurrent runs, memory and file journals";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    int runs = options.quick() ? 200 : 3000;
    int warmup = options.quick() ? 100 : 1000;
    Path dir = Files.createTempDirectory("atomic-bench-journal");
    Pipeline pipeline = TriageWorld.pipeline();
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(measure(options, pipeline, "memory", InMemoryJournal::new, 1, runs, warmup));
    rows.add(measure(options, pipeline, "memory", InMemoryJournal::new, 64, runs, warmup));
    rows.add(measure(options, pipeline, "file (fsync per call)", () -> FileJournal.in(dir.resolve("seq")), 1,
        runs / 3, warmup / 3));
    rows.add(measure(options, pipeline, "file (fsync per call)", () -> FileJournal.in(dir.resolve("par")), 64,
        runs / 3, warmup / 3));
    Map<String, Object> resume = resume(options, pipeline, dir.resolve("resume"), runs / 3);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("calls_per_run", CALLS_PER_RUN);
    figures.put("runs", rows);
    figures.put("resume_finished_run", resume);
    figures.put("bidder", "in-process rules answering instantly (not a model)");
    figures.put("journal_dir_filesystem", Files.getFileStore(dir).type());
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("quick", options.quick());

    StringBuilder md = new StringBuilder("# Pipeline engine benchmark\n\n");
    md.append("The embedded engine runs an e-mail triage (spam check and summary in parallel, two fan-out tags, a "
        + "conditional reply: five calls, each auctioned by the exchange) served by an in-process bidder that answers "
        + "instantly from string rules. It is not a model: the figures are the engine's own overhead. ")
        .append(options.quick() ? "Quick run (not for reporting)." : "Full run.")
        .append("\n\n| journal | runs at once | runs | p50 run (ms) | p99 run (ms) | runs/s | calls/s |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %,.0f | %,.0f |%n", r.get("journal"),
          (int) r.get("concurrency"), (int) r.get("runs"), (double) r.get("p50_ms"), (double) r.get("p99_ms"),
          (double) r.get("runs_per_second"), (double) r.get("calls_per_second")));
    }
    md.append(String.format(Locale.ROOT, "%nResuming a finished run from the file journal (read, replay the run state, "
        + "no call served): p50 %.3f ms, p99 %.3f ms over %d runs.%n", (double) resume.get("p50_ms"),
        (double) resume.get("p99_ms"), (int) resume.get("runs")));
    md.append(String.format(Locale.ROOT, "%nJournal directory on a %s file system; %d cores; %s.%n",
        figures.get("journal_dir_filesystem"), (int) figures.get("cores"), figures.get("jvm")));
    Reports.write(options.out(), name(), figures, md.toString());
    options.progress().println(md);
  }

  private Map<String, Object> measure(BenchOptions options, Pipeline pipeline, String journalName,
      Supplier<Journal> journals, int concurrency, int runs, int warmup) throws Exception {
    options.progress().printf("pipeline: %s journal, %d at once...%n", journalName, concurrency);
    TriageWorld.RuleBidder bidder = new TriageWorld.RuleBidder();
    try (Exchange exchange = Exchange.builder().seed(7).bidTimeout(Duration.ofSeconds(5)).bidder(bidder).build();
        EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(journals.get()))) {
      batch(engine, pipeline, warmup, concurrency, new long[warmup]);
      long[] nanos = new long[runs];
      long start = System.nanoTime();
      batch(engine, pipeline, runs, concurrency, nanos);
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(nanos);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("journal", journalName);
      row.put("concurrency", concurrency);
      row.put("runs", runs);
      row.put("p50_ms", nanos[runs / 2] / 1e6);
      row.put("p99_ms", nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6);
      row.put("runs_per_second", runs / seconds);
      row.put("calls_per_second", runs * (double) CALLS_PER_RUN / seconds);
      row.put("serves", bidder.serves.get());
      return row;
    }
  }

  /** Runs {@code count} runs, {@code concurrency} at a time, recording each run's start-to-result time. */
  private static void batch(EmbeddedEngine engine, Pipeline pipeline, int count, int concurrency, long[] nanos)
      throws Exception {
    for (int first = 0; first < count; first += concurrency) {
      int n = Math.min(concurrency, count - first);
      Run[] running = new Run[n];
      long[] started = new long[n];
      for (int i = 0; i < n; i++) {
        started[i] = System.nanoTime();
        running[i] = engine.start(pipeline, TriageWorld.email(first + i));
      }
      for (int i = 0; i < n; i++) {
        RunResult result = running[i].await();
        nanos[first + i] = System.nanoTime() - started[i];
        if (result.status() != RunResult.Status.SUCCEEDED) {
          throw new IllegalStateException("benchmark run failed: " + result.failure());
        }
      }
    }
  }

  private Map<String, Object> resume(BenchOptions options, Pipeline pipeline, Path dir, int runs) throws Exception {
    options.progress().println("pipeline: resuming finished runs from the file journal...");
    TriageWorld.RuleBidder bidder = new TriageWorld.RuleBidder();
    FileJournal journal = FileJournal.in(dir);
    List<String> ids = new ArrayList<>();
    try (Exchange exchange = Exchange.builder().seed(7).bidder(bidder).build();
        EmbeddedEngine engine = EmbeddedEngine.create(exchange, cfg -> cfg.journal(journal))) {
      for (int i = 0; i < runs; i++) {
        ids.add(engine.start(pipeline, TriageWorld.email(i), "r" + i).await().runId());
      }
      long servedBefore = bidder.serves.get();
      long[] nanos = new long[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        engine.resume(pipeline, ids.get(i)).await();
        nanos[i] = System.nanoTime() - start;
      }
      if (bidder.serves.get() != servedBefore) {
        throw new IllegalStateException("resuming finished runs served calls again");
      }
      Arrays.sort(nanos);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("runs", runs);
      row.put("p50_ms", nanos[runs / 2] / 1e6);
      row.put("p99_ms", nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6);
      row.put("calls_served_again", bidder.serves.get() - servedBefore);
      return row;
    }
  }
}
