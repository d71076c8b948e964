package dev.atomic.bench.functions;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./atomic bench functions}: median time of a direct exchange call and of the same call through a typed
 * function, measured in one JMH run; the overhead is their difference.
 */
public final class FunctionsBenchmark implements Benchmark {

  @Override
  public String name() {
    return "functions";
  }

  @Override
  public String description() {
    return "overhead of a typed function call over a direct exchange call, same in-process bidder (JMH)";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    TimeValue time = options.quick() ? TimeValue.milliseconds(300) : TimeValue.seconds(2);
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(FunctionCallBenchmark.class.getName() + ".(direct|function)")
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
    Map<String, Double> p50 = new LinkedHashMap<>();
    Map<String, Double> p99 = new LinkedHashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      p50.put(method, r.getPrimaryResult().getStatistics().getPercentile(50));
      p99.put(method, r.getPrimaryResult().getStatistics().getPercentile(99));
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("direct_p50_us", p50.get("direct"));
    figures.put("function_p50_us", p50.get("function"));
    figures.put("overhead_p50_us", p50.get("function") - p50.get("direct"));
    figures.put("direct_p99_us", p99.get("direct"));
    figures.put("function_p99_us", p99.get("function"));
    figures.put("ratio_p50", p50.get("function") / p50.get("direct"));
    figures.put("quick", options.quick());
    String md = String.format(Locale.ROOT, """
        # Typed-function overhead

        The same microtask and in-process bidder, called directly on the exchange and through a typed function
        (proxy, argument binding, template rendering, microtask building, structured-output check). JMH sample time,
        one thread%s.

        | call | p50 (µs) | p99 (µs) |
        |---|---|---|
        | direct `exchange.execute` | %.2f | %.2f |
        | typed function | %.2f | %.2f |

        Overhead of the function layer at the median: **%.2f µs** (ratio %.2f).
        """, options.quick() ? ", quick run (not for reporting)" : "", p50.get("direct"), p99.get("direct"),
        p50.get("function"), p99.get("function"), p50.get("function") - p50.get("direct"),
        p50.get("function") / p50.get("direct"));
    Reports.write(options.out(), name(), figures, md);
    options.progress().println(md);
  }
}
