package dev.atomic.bench.exchange;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * {@code ./atomic bench exchange}: the latency distribution (p50, p99) and single-thread throughput of one award with
 * 2, 10 and 100 inline bidders, plus 10 bidders on virtual threads for comparison.
 */
public final class ExchangeBenchmark implements Benchmark {

  @Override
  public String name() {
    return "exchange";
  }

  @Override
  public String description() {
    return "one award (bids, estimates, scoring, decision) with 2, 10 and 100 in-process bidders (JMH)";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String count : List.of("2", "10", "100")) {
      rows.add(measure(options, count, true));
    }
    Map<String, Object> forked = measure(options, "10", false);
    figures.put("bidders", rows);
    figures.put("virtual_thread_bidders", forked);
    figures.put("threads", 1);
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("quick", options.quick());

    StringBuilder md = new StringBuilder("# Exchange award benchmark\n\n");
    md.append("One award on one thread: bid collection, estimation against the track record, constraints, Thompson "
        + "scoring, decision. JMH, ").append(options.quick() ? "quick run (not for reporting)" : "full run")
        .append(".\n\n| bidders | bidding | p50 (µs) | p99 (µs) | awards/s |\n|---|---|---|---|---|\n");
    for (Map<String, Object> r : rows) {
      md.append(row(r, "inline"));
    }
    md.append(row(forked, "virtual threads"));
    Reports.write(options.out(), name(), figures, md.toString());
    options.progress().println(md);
  }

  private static String row(Map<String, Object> r, String how) {
    return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %,.0f |%n",
        r.get("bidders"), how, (double) r.get("p50_us"), (double) r.get("p99_us"), (double) r.get("awards_per_second"));
  }

  private Map<String, Object> measure(BenchOptions options, String bidders, boolean inline) throws Exception {
    options.progress().printf("exchange: %s %s bidders...%n", bidders, inline ? "inline" : "virtual-thread");
    RunResult sample = single(run(options, Mode.SampleTime, bidders, inline));
    RunResult throughput = single(run(options, Mode.Throughput, bidders, inline));
    var stats = sample.getPrimaryResult().getStatistics();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("bidders", Integer.parseInt(bidders));
    row.put("inline", inline);
    row.put("p50_us", stats.getPercentile(50));
    row.put("p99_us", stats.getPercentile(99));
    row.put("awards_per_second", throughput.getPrimaryResult().getScore() * 1_000_000);
    return row;
  }

  private static Collection<RunResult> run(BenchOptions options, Mode mode, String bidders, boolean inline)
      throws Exception {
    int iterations = options.quick() ? 1 : 3;
    TimeValue time = options.quick() ? TimeValue.milliseconds(300) : TimeValue.seconds(2);
    ChainedOptionsBuilder opts = new OptionsBuilder()
        .include(AwardBenchmark.class.getName() + ".award")
        .param("bidders", bidders)
        .param("inline", Boolean.toString(inline))
        .mode(mode)
        .timeUnit(TimeUnit.MICROSECONDS)
        .warmupIterations(options.quick() ? 1 : 2)
        .warmupTime(time)
        .measurementIterations(iterations)
        .measurementTime(time)
        .threads(1)
        .forks(1)
        .jvmArgsAppend("-Xmx1g")
        .shouldDoGC(true);
    return new Runner(opts.build()).run();
  }

  private static RunResult single(Collection<RunResult> results) {
    if (results.size() != 1) {
      throw new IllegalStateException("expected one JMH result, got " + results.size());
    }
    return results.iterator().next();
  }
}
