package dev.atomic.bench.load;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import dev.atomic.robustness.ApiLoad;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./atomic bench load}: 500 virtual-thread clients on loopback, each alternately submitting a microtask and
 * running a two-step pipeline over the HTTP API, for 25 s, against a server with a SQLite ledger and three in-process
 * bidders (answers from memory, no model). Reports throughput, latency percentiles, errors, heap before and after,
 * and whether every acknowledged answer is in the ledger afterwards (see {@link ApiLoad}).
 */
public final class LoadBenchmark implements Benchmark {

  private static final int CLIENTS = 500;

  @Override
  public String name() {
    return "load";
  }

  @Override
  public String description() {
    return "500 concurrent API clients on loopback for 25 s: throughput, latency, errors, memory, nothing lost";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    Duration duration = options.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(25);
    Duration rampUp = Duration.ofSeconds(1);
    Path dir = Files.createTempDirectory("atomic-load-bench");
    options.progress().printf("load: %d clients for %s (ramp-up %s)%n", CLIENTS, duration, rampUp);
    ApiLoad.Result r;
    try {
      r = ApiLoad.run(new ApiLoad.Settings(CLIENTS, duration, Duration.ofSeconds(60), rampUp), dir);
    } finally {
      deleteQuietly(dir);
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("clients", r.clients());
    figures.put("duration_s", duration.toSeconds());
    figures.put("ramp_up_s", rampUp.toSeconds());
    figures.put("wall_s", r.seconds());
    figures.put("requests", r.requests());
    figures.put("errors", r.errors());
    figures.put("error_kinds", r.errorKinds());
    figures.put("throughput_per_s", r.throughputPerSecond());
    figures.put("latency_ms", r.latencyMs());
    figures.put("acknowledged_microtasks", r.acknowledgedMicrotasks());
    figures.put("acknowledged_runs", r.acknowledgedRuns());
    figures.put("missing_decisions", r.missingDecisions());
    figures.put("missing_runs", r.missingRuns());
    figures.put("lost", r.lost());
    figures.put("calls_served", r.callsServed());
    figures.put("calls_acknowledged", r.callsAcknowledged());
    figures.put("charged_usd", r.chargedUsd());
    figures.put("heap_before_mb", r.heapBeforeBytes() / 1e6);
    figures.put("heap_after_mb", r.heapAfterBytes() / 1e6);
    figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1e6);
    figures.put("ledger", "SQLite (file in a temp folder)");
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    // The machine is shared; a high load average means other work competed for the cores during the run.
    figures.put("load_average_1m_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    figures.put("quick", options.quick());

    StringBuilder md = new StringBuilder("# Load benchmark\n\n");
    md.append(String.format(Locale.ROOT, "%d virtual-thread clients on loopback, arriving over %d s, each alternately "
        + "`POST /v1/microtasks` and `POST /v1/runs` (a two-step pipeline), synchronously, for %d s; server with a "
        + "SQLite ledger and three in-process bidders (answers from memory, no model). %s%n%n", r.clients(),
        rampUp.toSeconds(), duration.toSeconds(), options.quick() ? "Quick run: not for reporting." : "Full run."));
    md.append("| figure | value |\n|---|---|\n");
    md.append(String.format(Locale.ROOT, "| requests answered | %d in %.1f s |%n", r.requests(), r.seconds()));
    md.append(String.format(Locale.ROOT, "| throughput | %.0f requests/s (%d microtasks, %d runs of 2 steps) |%n",
        r.throughputPerSecond(), r.acknowledgedMicrotasks(), r.acknowledgedRuns()));
    md.append(String.format(Locale.ROOT, "| latency p50 / p90 / p99 / p99.9 / max | %.1f / %.1f / %.1f / %.1f / %.1f ms |%n",
        r.latencyMs().get("p50"), r.latencyMs().get("p90"), r.latencyMs().get("p99"), r.latencyMs().get("p99.9"),
        r.latencyMs().get("max")));
    md.append(String.format(Locale.ROOT, "| errors | %d %s |%n", r.errors(), r.errorKinds().isEmpty() ? ""
        : r.errorKinds().toString()));
    md.append(String.format(Locale.ROOT, "| lost (acknowledged, absent from the ledger) | %d |%n", r.lost()));
    md.append(String.format(Locale.ROOT, "| serve calls / calls acknowledged | %d / %d |%n", r.callsServed(),
        r.callsAcknowledged()));
    md.append(String.format(Locale.ROOT, "| heap in use after GC, before / after | %.0f / %.0f MB (max %.0f MB) |%n",
        r.heapBeforeBytes() / 1e6, r.heapAfterBytes() / 1e6, Runtime.getRuntime().maxMemory() / 1e6));
    md.append(String.format(Locale.ROOT, "%nMachine: %d cores, %s; 1-minute load average at the end %.1f (shared "
        + "machine: other work competes for the cores, and the clients run on the same cores as the server).%n",
        Runtime.getRuntime().availableProcessors(), figures.get("jvm"), figures.get("load_average_1m_at_end")));
    Reports.write(options.out(), name(), figures, md.toString());
    options.progress().println(md);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // a temp folder; the OS cleans it eventually
    }
  }
}
