package dev.atomic.bench;

import dev.atomic.bench.adaptation.AdaptationBenchmark;
import dev.atomic.bench.exchange.ExchangeBenchmark;
import dev.atomic.bench.governance.GovernanceBenchmark;
import dev.atomic.bench.pipeline.PipelineBenchmark;
import dev.atomic.bench.functions.FunctionsBenchmark;
import dev.atomic.bench.ledger.LedgerBenchmark;
import dev.atomic.bench.load.LoadBenchmark;
import dev.atomic.bench.routing.RoutingBenchmark;
import dev.atomic.bench.service.ServiceBenchmark;
import dev.atomic.bench.structured.StructuredBenchmark;
import java.util.List;
import java.util.Optional;

/** The list of every benchmark, by name. Add one line here for a new benchmark. */
public final class Benchmarks {

  private Benchmarks() {}

  public static List<Benchmark> all() {
    return List.of(
        new ExchangeBenchmark(),
        new GovernanceBenchmark(),
        new ServiceBenchmark(),
        new FunctionsBenchmark(),
        new RoutingBenchmark(),
        new AdaptationBenchmark(),
        new LedgerBenchmark(),
        new PipelineBenchmark(),
        new StructuredBenchmark(),
        new LoadBenchmark());
  }

  public static Optional<Benchmark> named(String name) {
    return all().stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
