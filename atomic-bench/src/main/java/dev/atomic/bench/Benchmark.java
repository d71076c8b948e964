package dev.atomic.bench;

/** A benchmark that writes {@code <out>/<name>.json} and {@code <out>/<name>.md}. */
public interface Benchmark {

  /** The name used on the command line and for the output files. */
  String name();

  /** One line saying what it measures. */
  String description();

  /** Runs the benchmark and writes its files into {@code options.out()}. */
  void run(BenchOptions options) throws Exception;
}
