package dev.atomic.cli;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Benchmarks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomic bench NAME --out DIR}: runs one benchmark and writes {@code DIR/NAME.json} and {@code DIR/NAME.md}. */
@Command(name = "bench", description = "Run a benchmark; writes <out>/<name>.json and <out>/<name>.md.")
final class BenchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME", description = "the benchmark: ${COMPLETION-CANDIDATES}",
      completionCandidates = Names.class)
  String name;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the JSON and the report")
  Path out;

  @Option(names = "--data", paramLabel = "FILE", description = "the data file, where the benchmark reads one")
  Path data;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "../shared/data",
      description = "the shared evaluation data (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--quick", description = "a short smoke run whose figures are not to be reported")
  boolean quick;

  @Override
  public Integer call() throws Exception {
    Benchmark benchmark = Benchmarks.named(name).orElse(null);
    if (benchmark == null) {
      System.err.println("unknown benchmark '" + name + "'; known: " + new Names());
      return 2;
    }
    long start = System.nanoTime();
    benchmark.run(new BenchOptions(out, data, dataDir, quick, System.out));
    System.out.printf("%s: wrote %s and %s in %.1f s%n", name, out.resolve(name + ".json"),
        out.resolve(name + ".md"), (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** The names of the known benchmarks, for help and completion. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Benchmarks.all().stream().map(Benchmark::name).iterator();
    }

    @Override
    public String toString() {
      return String.join(", ", this);
    }
  }
}
