package dev.atomic.bench.structured;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./atomic bench structured}: parse + repair + validate + bind of a 1 KB model output, valid and malformed (JMH
 * sample time, median), the recovery rate on the malformed-output corpus, and how parse time scales with size and
 * hostile input. {@code --data DIR} points at the corpus folder (default
 * {@code atomic-output/src/test/resources/corpus}).
 */
public final class StructuredBenchmark implements Benchmark {

  static final double VALID_TARGET_US = 50;
  static final double MALFORMED_TARGET_US = 200;

  @Override
  public String name() {
    return "structured";
  }

  @Override
  public String description() {
    return "structured output: parse, repair, validate and bind a 1 KB answer (JMH), corpus recovery, scaling";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    options.progress().println("structured: JMH, valid and malformed 1 KB outputs...");
    double validUs = p50(options, "valid");
    double malformedUs = p50(options, "malformed");
    figures.put("valid_1kb_p50_us", validUs);
    figures.put("malformed_1kb_p50_us", malformedUs);
    // the same two outputs in thread CPU time, which a busy shared machine distorts far less than wall time
    String valid = Samples.valid(8);
    String malformed = Samples.malformed(8);
    figures.put("valid_1kb_cpu_median_us", Scaling.medianCpu(() -> Samples.OUTPUT.parse(valid), 5000));
    figures.put("malformed_1kb_cpu_median_us", Scaling.medianCpu(() -> Samples.OUTPUT.parse(malformed), 5000));
    figures.put("valid_bytes", valid.length());
    figures.put("malformed_bytes", malformed.length());

    Path corpus = options.data() != null ? options.data() : Path.of("atomic-output/src/test/resources/corpus");
    if (!Files.isDirectory(corpus)) {
      throw new IllegalArgumentException("corpus folder not found: " + corpus.toAbsolutePath()
          + "; run from the repository root or pass --data <atomic-output/src/test/resources/corpus>");
    }
    options.progress().println("structured: corpus " + corpus + "...");
    CorpusRun.Result result = CorpusRun.run(corpus);
    figures.put("corpus_cases", result.cases());
    figures.put("corpus_recovered", result.recovered());
    figures.put("corpus_recoverable", result.recoverable());
    figures.put("corpus_refusals", result.refusals());
    figures.put("corpus_refused_as_expected", result.refusedAsExpected());
    figures.put("corpus_misses", result.misses());

    options.progress().println("structured: scaling...");
    List<Map<String, Object>> scaling = new ArrayList<>();
    for (int lines : options.quick() ? List.of(8, 80) : List.of(8, 80, 800, 8000)) {
      scaling.add(Scaling.size(lines, options.quick()));
    }
    figures.put("scaling", scaling);
    List<Map<String, Object>> hostile = new ArrayList<>();
    hostile.add(Scaling.hostile("10 MB of '['", "[".repeat(10_000_000), options.quick()));
    hostile.add(Scaling.hostile("1.9 MB of '['", "[".repeat(1_900_000), options.quick()));
    hostile.add(Scaling.hostile("1 MB of false starts", "{" + "\"k\": \"{\", \"n\": 1, ".repeat(50_000) + "@}",
        options.quick()));
    hostile.add(Scaling.hostile("1 MB of unclosed strings", "{\"a\": \"".repeat(150_000), options.quick()));
    figures.put("hostile", hostile);
    figures.put("targets_us", Map.of("valid_1kb_p50", VALID_TARGET_US, "malformed_1kb_p50", MALFORMED_TARGET_US));
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    figures.put("quick", options.quick());

    Reports.write(options.out(), name(), figures, markdown(figures, result, scaling, hostile, options.quick()));
    options.progress().printf(Locale.ROOT, "structured: valid 1 KB p50 %.1f µs, malformed 1 KB p50 %.1f µs, corpus %d/%d"
        + " recovered, %d/%d refused as expected%n", validUs, malformedUs, result.recovered(), result.recoverable(),
        result.refusedAsExpected(), result.refusals());
  }

  private static String markdown(Map<String, Object> f, CorpusRun.Result r, List<Map<String, Object>> scaling,
      List<Map<String, Object>> hostile, boolean quick) {
    StringBuilder md = new StringBuilder("# Structured output benchmark\n\n");
    md.append("Parse, repair, validate (JSON Schema 2020-12) and bind to a Java record, on one thread. JMH sample time, ")
        .append(quick ? "quick run (not for reporting)" : "full run").append(".\n\n");
    md.append(String.format(Locale.ROOT, "Load average during the run: %.1f on %d cores. The JMH p50 is measured in a"
        + " forked JVM after 6 s of warm-up; the CPU medians in the benchmark's own JVM after 1 s, so under load its"
        + " JIT may not have finished and they can exceed the JMH figure.%n%n", f.get("load_average"), f.get("cores")));
    md.append("| output | bytes | p50 wall (µs, JMH) | median CPU (µs) | target (µs) |\n|---|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| valid | %d | %.1f | %.1f | %.0f |%n", (int) f.get("valid_bytes"),
        (double) f.get("valid_1kb_p50_us"), (double) f.get("valid_1kb_cpu_median_us"), VALID_TARGET_US));
    md.append(String.format(Locale.ROOT, "| malformed (prose, fence, unquoted keys, single quotes, trailing commas,"
        + " comment, strings for numbers, Python literal, enum case) | %d | %.1f | %.1f | %.0f |%n",
        (int) f.get("malformed_bytes"), (double) f.get("malformed_1kb_p50_us"),
        (double) f.get("malformed_1kb_cpu_median_us"), MALFORMED_TARGET_US));
    md.append(String.format(Locale.ROOT, "%n## Corpus%n%n%d cases: %d of %d malformed outputs recovered to the expected"
        + " value; %d of %d refusals with the expected reason.%n", r.cases(), r.recovered(), r.recoverable(),
        r.refusedAsExpected(), r.refusals()));
    if (!r.misses().isEmpty()) {
      md.append("\nMisses: ").append(String.join("; ", r.misses())).append('\n');
    }
    md.append("\n## Scaling (median of repeated runs; wall and thread CPU time)\n\n"
        + "| valid KB | wall µs | CPU µs | CPU µs/KB | malformed KB | wall µs | CPU µs | CPU µs/KB |\n"
        + "|---|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> s : scaling) {
      md.append(String.format(Locale.ROOT, "| %.1f | %.0f | %.0f | %.1f | %.1f | %.0f | %.0f | %.1f |%n",
          s.get("valid_kb"), s.get("valid_median_us"), s.get("valid_cpu_median_us"), s.get("valid_cpu_us_per_kb"),
          s.get("malformed_kb"), s.get("malformed_median_us"), s.get("malformed_cpu_median_us"),
          s.get("malformed_cpu_us_per_kb")));
    }
    md.append("\n## Hostile input\n\n| input | chars | median (ms) | outcome |\n|---|---|---|---|\n");
    for (Map<String, Object> h : hostile) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %s |%n", h.get("input"), h.get("chars"),
          h.get("median_ms"), h.get("outcome")));
    }
    return md.toString();
  }

  private static double p50(BenchOptions options, String method) throws Exception {
    TimeValue time = options.quick() ? TimeValue.milliseconds(300) : TimeValue.seconds(2);
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(ParseBenchmark.class.getName() + "." + method + "$")
        .mode(Mode.SampleTime)
        .timeUnit(TimeUnit.MICROSECONDS)
        .warmupIterations(options.quick() ? 1 : 3)
        .warmupTime(time)
        .measurementIterations(options.quick() ? 1 : 5)
        .measurementTime(time)
        .threads(1)
        .forks(1)
        .jvmArgsAppend("-Xmx1g")
        .build()).run();
    if (results.size() != 1) {
      throw new IllegalStateException("expected one JMH result for " + method + ", got " + results.size());
    }
    return results.iterator().next().getPrimaryResult().getStatistics().getPercentile(50);
  }
}
