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
import dev.atomic.examples.triage.Inbox;
import dev.atomic.examples.triage.TriageApp;
import dev.atomic.exchange.Exchange;
import dev.atomic.models.embed.MiniLmEmbedder;
import dev.atomic.temporal.TemporalEngine;
import dev.atomic.temporal.TemporalWorker;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code ./atomic bench pipeline}: the e-mail triage pipeline of {@code atomic-examples} on the local models (MiniLM
 * heads, OpenNLP, VADER, rules), on the embedded engine and on the Temporal engine, then the embedded engine's own
 * overhead under an instant rule bidder.
 *
 * <p>The e-mail part streams the 220-message sample inbox round and round, each message with an id of its own. The
 * application shares each text's vector between the steps that read it through a memo of {@link #RECENT_TEXTS} texts,
 * fewer than the inbox holds, so a message is never answered from its previous round: every message is embedded by the
 * model once, and the report counts the model's calls to show it. A shorter run with no sharing measures what sharing
 * saves.
 */
public final class PipelineBenchmark implements Benchmark {

  private static final int CALLS_PER_RUN = 5;
  /** Texts the benchmark's memo keeps: more than the messages in flight, fewer than one round of the inbox. */
  static final int RECENT_TEXTS = 64;
  /** Runs in flight at once: enough to keep two cores busy while one run waits for another step. */
  static final int CONCURRENCY = 4;
  /**
   * System property overriding how many messages the embedded engine's main run measures (default 100,000, or 5,000
   * with {@code --quick}): profiling wants a run long enough to fill the k-NN heads (10,000 examples each, after about
   * 10,000 messages) without the full length, e.g.
   * {@code ATOMIC_JAVA_OPTS=-Datomic.bench.pipeline.messages=25000 ./atomic bench pipeline --quick --out DIR}.
   */
  static final String MESSAGES_PROPERTY = "atomic.bench.pipeline.messages";
  private static final String TEMPORAL_QUEUE = "atomic-bench";

  @Override
  public String name() {
    return "pipeline";
  }

  @Override
  public String description() {
    return "e-mail triage on local models on the embedded and Temporal engines (throughput, latency, heap), "
        + "and the embedded engine's own overhead";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    StringBuilder md = new StringBuilder("# Pipeline benchmark\n\n");
    emailPipeline(options, figures, md);
    engineOverhead(options, figures, md);
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1_000_000);
    figures.put("quick", options.quick());
    md.append(String.format(Locale.ROOT, "%n%d cores; %s; max heap %,d MB.%n", (int) figures.get("cores"),
        figures.get("jvm"), (long) figures.get("max_heap_mb")));
    Reports.write(options.out(), name(), figures, md.toString());
    options.progress().println(md);
  }

  private void emailPipeline(BenchOptions options, Map<String, Object> figures, StringBuilder md) throws Exception {
    boolean quick = options.quick();
    int messages = Integer.getInteger(MESSAGES_PROPERTY, quick ? 5_000 : 100_000);
    if (messages < 1) {
      throw new IllegalArgumentException(MESSAGES_PROPERTY + " must be at least 1, was " + messages);
    }
    int heapEvery = Math.min(messages, quick ? 1_000 : 10_000);
    int warmup = 440;
    EmailStream stream = new EmailStream(Inbox.sample());
    options.progress().println("pipeline: loading MiniLM...");
    try (MiniLmEmbedder miniLm = new MiniLmEmbedder()) {
      CountingEmbedder model = new CountingEmbedder(miniLm);
      Map<String, Object> embedded;
      try (TriageApp app = TriageApp.create(model, 7, RECENT_TEXTS)) {
        embedded = new EmailPipelineRun(app, app::process, stream, model, options.progress())
            .measure("embedded engine", warmup, messages, CONCURRENCY, heapEvery);
      }
      Map<String, Object> unshared;
      try (TriageApp app = TriageApp.create(model, 7, 0)) {
        unshared = new EmailPipelineRun(app, app::process, stream, model, options.progress())
            .measure("embedded engine, no vector sharing", warmup, quick ? 1_000 : 5_000, CONCURRENCY,
                quick ? 1_000 : 5_000);
      }
      Map<String, Object> temporal = temporal(options, stream, model, warmup, quick ? 200 : 2_000);
      figures.put("embedded", embedded);
      figures.put("temporal", temporal);
      figures.put("embedded_without_vector_sharing", unshared);
      figures.put("email", Map.of("inbox_messages", stream.inboxSize(), "recent_texts_shared", RECENT_TEXTS,
          "temporal_service", "io.temporal:temporal-testing TestWorkflowEnvironment (in-process, in-memory)",
          "models", "MiniLM-L6-v2-q logistic and knn heads, OpenNLP langdetect, VADER, keyword and action rules"));
      appendEmail(md, quick, stream.inboxSize(), embedded, unshared, temporal);
    }
  }

  private Map<String, Object> temporal(BenchOptions options, EmailStream stream, CountingEmbedder model, int warmup,
      int messages) throws Exception {
    options.progress().println("pipeline: starting Temporal's in-process test service...");
    try (TriageApp app = TriageApp.create(model, 7, RECENT_TEXTS);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(TEMPORAL_QUEUE);
      TemporalWorker.register(worker, app.exchange(), List.of(app.pipeline()));
      env.start();
      TemporalEngine engine = TemporalEngine.create(env.getWorkflowClient(), cfg -> cfg.taskQueue(TEMPORAL_QUEUE));
      EmailPipelineRun.Engine onTemporal = email -> engine.start(app.pipeline(), email, "triage-" + email.id())
          .get(2, TimeUnit.MINUTES);
      return new EmailPipelineRun(app, onTemporal, stream, model, options.progress())
          .measure("Temporal engine", warmup, messages, CONCURRENCY, Math.max(100, messages / 4));
    }
  }

  private static void appendEmail(StringBuilder md, boolean quick, int inboxSize, Map<String, Object> embedded,
      Map<String, Object> unshared, Map<String, Object> temporal) {
    md.append("## E-mail triage on local models\n\n")
        .append("The `atomic-examples` triage pipeline (language, spam, category and tone in parallel, a reply unless "
            + "spam, an action), every step auctioned by the exchange among local models: logistic and k-NN heads over "
            + "all-MiniLM-L6-v2 (quantised, ONNX), OpenNLP language detection, VADER, keyword and action rules. "
            + "Messages cycle through the ").append(inboxSize)
        .append("-message sample inbox with fresh ids; reviewed messages are taught back, so the heads learn as it "
            + "runs. Each text's vector is shared between the steps of its run (memo of ").append(RECENT_TEXTS)
        .append(" texts, fewer than the inbox, so no message reuses its previous round's vector; the inbox holds "
            + "some identical texts, which share one). Latency is one run, "
            + "start to result; throughput includes teaching. ")
        .append(quick ? "Quick run (not for reporting)." : "Full run.")
        .append(" The machine may be shared: messages per CPU-second (this process's CPU time) and the load average "
            + "tell how much of the two cores the benchmark had.")
        .append("\n\n| engine | messages | at once | messages/s | messages per CPU-s | p50 (ms) | p99 (ms) | "
            + "heap after GC (MB) | model embeddings per message | spam accuracy | category accuracy | failed | "
            + "load average |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    emailRow(md, "embedded", embedded);
    emailRow(md, "embedded, no vector sharing (before)", unshared);
    emailRow(md, "Temporal (in-process test service)", temporal);
    md.append("\nHeap after a full GC while the embedded engine runs (MB): ");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> heap = (List<Map<String, Object>>) embedded.get("heap_after_gc");
    md.append(String.join(", ", heap.stream()
        .map(h -> String.format(Locale.ROOT, "%,d: %.1f", (long) h.get("after_messages"), (double) h.get("heap_mb")))
        .toList())).append(".\n\n");
  }

  private static void emailRow(StringBuilder md, String engine, Map<String, Object> r) {
    md.append(String.format(Locale.ROOT,
        "| %s | %,d | %d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.2f | %.3f | %.3f | %d | %.1f |%n",
        engine, (int) r.get("messages"), (int) r.get("concurrency"), (double) r.get("messages_per_second"),
        (double) r.get("messages_per_cpu_second"), (double) r.get("p50_ms"), (double) r.get("p99_ms"),
        (double) r.get("heap_mb_after"), (double) r.get("model_embeddings_per_message"),
        (double) r.get("spam_accuracy"), (double) r.get("category_accuracy"), (long) r.get("failed_runs"),
        ((double) r.get("load_average_before") + (double) r.get("load_average_after")) / 2));
  }

  private void engineOverhead(BenchOptions options, Map<String, Object> figures, StringBuilder md) throws Exception {
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

    Map<String, Object> overhead = new LinkedHashMap<>();
    overhead.put("calls_per_run", CALLS_PER_RUN);
    overhead.put("runs", rows);
    overhead.put("resume_finished_run", resume);
    overhead.put("bidder", "in-process rules answering instantly (not a model)");
    overhead.put("journal_dir_filesystem", Files.getFileStore(dir).type());
    figures.put("engine_overhead", overhead);

    md.append("## Embedded engine overhead\n\n");
    md.append("The embedded engine runs a synthetic e-mail triage (spam check and summary in parallel, two fan-out "
        + "tags, a conditional reply: five calls, each auctioned by the exchange) served by an in-process bidder that "
        + "answers instantly from string rules. It is not a model: the figures are the engine's own overhead. ")
        .append(options.quick() ? "Quick run (not for reporting)." : "Full run.")
        .append("\n\n| journal | runs at once | runs | p50 run (ms) | p99 run (ms) | runs/s | calls/s |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %,.0f | %,.0f |%n", r.get("journal"),
          (int) r.get("concurrency"), (int) r.get("runs"), (double) r.get("p50_ms"), (double) r.get("p99_ms"),
          (double) r.get("runs_per_second"), (double) r.get("calls_per_second")));
    }
    md.append(String.format(Locale.ROOT, "%nResuming a finished run from the file journal (read, replay the run state, "
        + "no call served): p50 %.3f ms, p99 %.3f ms over %d runs. Journal directory on a %s file system.%n",
        (double) resume.get("p50_ms"), (double) resume.get("p99_ms"), (int) resume.get("runs"),
        overhead.get("journal_dir_filesystem")));
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
