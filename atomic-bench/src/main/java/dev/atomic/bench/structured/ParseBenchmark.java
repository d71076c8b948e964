package dev.atomic.bench.structured;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: parse, repair, validate and bind one 1 KB answer, as written well and as written badly. */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {

  private String valid;
  private String malformed;

  @Setup
  public void setUp() {
    valid = Samples.valid(8);
    malformed = Samples.malformed(8);
    // refuse to measure anything that does not parse to the same value
    if (!Samples.OUTPUT.parse(valid).value().equals(Samples.OUTPUT.parse(malformed).value())) {
      throw new IllegalStateException("the malformed sample does not parse to the valid one");
    }
  }

  @Benchmark
  public Object valid() {
    return Samples.OUTPUT.parse(valid).value();
  }

  @Benchmark
  public Object malformed() {
    return Samples.OUTPUT.parse(malformed).value();
  }
}
