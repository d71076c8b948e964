package dev.atomic.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a benchmark run was asked for.
 *
 * @param out the folder to write {@code <name>.json} and {@code <name>.md} into; created if absent
 * @param data a data file, for benchmarks that read one (may be null: each benchmark has its default)
 * @param dataDir the folder of the shared evaluation data ({@code ../shared/data} by default)
 * @param quick a shorter run, for smoke tests; its figures are not to be reported
 * @param progress where to print progress for a person watching
 */
public record BenchOptions(Path out, Path data, Path dataDir, boolean quick, PrintStream progress) {

  public BenchOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(progress, "progress");
  }

  /** The data file, or the given default under {@link #dataDir()}. */
  public Path dataOr(String relativeDefault) {
    return data != null ? data : dataDir.resolve(relativeDefault);
  }
}
