package dev.atomic.bench.service;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Exchange;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.JsonLogging;
import dev.atomic.server.ServerConfig;
import dev.atomic.store.BidderStats;
import dev.atomic.store.DecisionQuery;
import dev.atomic.task.Microtask;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code ./atomic bench service}: what the service adds per microtask over calling the exchange in process: HTTP,
 * JSON, the ledger write, metrics, the event feed and tracing (off, as by default).
 *
 * <p>Both sides run the same three instant bidders (answers from memory, no model), so the difference is the
 * service. The in-process side is {@code exchange.execute} on an exchange without listeners; the service side is a
 * synchronous {@code POST /v1/microtasks} over a real socket to a server with a SQLite ledger. Requests are not paired,
 * so overhead is the difference of the two latency distributions at the same percentile, each measured with the same
 * number of concurrent clients (1 and 50; 50 on this machine's cores also measures queueing on both sides).
 *
 * <p>Lost: requests that did not answer 200, plus decisions answered but absent from the ledger after a flush.
 */
public final class ServiceBenchmark implements Benchmark {

  private static final String BODY = "{\"kind\":\"email.spam\",\"tenant\":\"bench\",\"input\":{\"subject\":\"hello\"}}";

  @Override
  public String name() {
    return "service";
  }

  @Override
  public String description() {
    return "overhead the HTTP service (API, ledger, metrics, feed) adds per microtask over an in-process call";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    int warmup = options.quick() ? 300 : 3_000;
    int single = options.quick() ? 500 : 5_000;
    int perClient = options.quick() ? 20 : 200;
    // Logs as `atomic serve` writes them: JSON lines at INFO (to stderr here, to keep the report readable).
    JsonLogging.install(System.err, "INFO");
    Path dir = Files.createTempDirectory("atomic-service-bench");
    Map<String, Object> figures = new LinkedHashMap<>();
    Map<String, Map<String, Object>> byClients = new LinkedHashMap<>();
    long lost = 0;
    long served = 0;

    try (Exchange local = Exchange.builder().seed(1).bidTimeout(Duration.ofSeconds(5)).build()) {
      bidders().forEach(local::register);
      Supplier<Boolean> inProcess = () -> {
        local.execute(Microtask.builder("email.spam").tenant("bench").input(Map.of("subject", "hello")).build());
        return true;
      };
      ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(1)
          .withStoreUrl(dir.resolve("bench.db").toString());
      AtomicServer.Builder builder = AtomicServer.builder(config)
          .exchange(b -> b.bidTimeout(Duration.ofSeconds(5)));
      bidders().forEach(builder::bidder);
      try (AtomicServer server = builder.start();
          HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/microtasks"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        AtomicLong failures = new AtomicLong();
        Supplier<Boolean> overHttp = () -> {
          try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
              failures.incrementAndGet();
              return false;
            }
            return true;
          } catch (Exception e) {
            failures.incrementAndGet();
            return false;
          }
        };
        options.progress().println("service: warming up (" + warmup + " calls each way)");
        run(1, warmup, inProcess);
        run(1, warmup, overHttp);
        for (int clients : List.of(1, 50)) {
          int each = clients == 1 ? single : perClient;
          options.progress().printf("service: %d client(s), %d calls each way%n", clients, clients * each);
          double[] local1 = run(clients, each, inProcess);
          double[] http1 = run(clients, each, overHttp);
          byClients.put(String.valueOf(clients), row(clients, local1, http1));
        }
        long failed = failures.get();
        server.store().flush().get(60, TimeUnit.SECONDS);
        long recorded = server.store().ledger().bidderStats(DecisionQuery.all().tenant("bench")).stream()
            .mapToLong(BidderStats::wins).sum();
        // Every HTTP request that answered 200 (its warm-up included) made one awarded decision for tenant "bench";
        // the in-process calls write no ledger.
        long answered = warmup + single + 50L * perClient - failed;
        served = answered;
        lost = failed + Math.max(0, answered - recorded);
        figures.put("http_failures", failed);
        figures.put("decisions_answered", answered);
        figures.put("decisions_in_ledger", recorded);
      }
    } finally {
      deleteQuietly(dir);
    }
    Map<String, Object> p50 = new LinkedHashMap<>();
    Map<String, Object> p99 = new LinkedHashMap<>();
    byClients.forEach((clients, row) -> {
      p50.put(clients, row.get("overhead_p50_ms"));
      p99.put(clients, row.get("overhead_p99_ms"));
    });
    figures.put("overhead_p50_ms", p50);
    figures.put("overhead_p99_ms", p99);
    figures.put("lost", lost);
    figures.put("clients", byClients);
    figures.put("bidders", 3);
    figures.put("ledger", "SQLite (file in a temp folder)");
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    // The machine is shared; a high load average means other work competed for the cores during the run.
    figures.put("load_average_1m_at_end",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    figures.put("quick", options.quick());

    StringBuilder md = new StringBuilder("# Service overhead benchmark\n\n");
    md.append("What `POST /v1/microtasks` (HTTP/1.1 over loopback, JSON, SQLite ledger write, metrics, decision feed; "
        + "tracing off as by default) adds over `exchange.execute` in process, with the same three instant bidders "
        + "(answers from memory, no model). Overhead = service percentile − in-process percentile, same number of "
        + "concurrent clients. ").append(options.quick() ? "Quick run: not for reporting." : "Full run.")
        .append("\n\n| clients | calls | in-process p50 / p99 (ms) | service p50 / p99 (ms) | overhead p50 (ms) "
            + "| overhead p99 (ms) |\n|---|---|---|---|---|---|\n");
    byClients.forEach((clients, r) -> md.append(String.format(Locale.ROOT,
        "| %s | %s | %.3f / %.3f | %.3f / %.3f | %.3f | %.3f |%n", clients, r.get("calls"),
        r.get("in_process_p50_ms"), r.get("in_process_p99_ms"), r.get("service_p50_ms"), r.get("service_p99_ms"),
        r.get("overhead_p50_ms"), r.get("overhead_p99_ms"))));
    md.append(String.format(Locale.ROOT, "%nLost: %d of %d answered decisions (non-200 answers, or answered but "
        + "missing from the ledger after a flush).%n%nTarget: overhead p50 under 1 ms, nothing lost. Machine: %d cores, "
        + "%s; 1-minute load average at the end %.1f.%n", lost, served, Runtime.getRuntime().availableProcessors(),
        figures.get("jvm"), figures.get("load_average_1m_at_end")));
    Reports.write(options.out(), name(), figures, md.toString());
    options.progress().println(md);
  }

  private static List<Bidder> bidders() {
    return List.of(new InstantBidder("local-head", 0.85, 0.00001), new InstantBidder("mid-llm", 0.92, 0.0008),
        new InstantBidder("premium-llm", 0.99, 0.012));
  }

  private static Map<String, Object> row(int clients, double[] local, double[] http) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("calls", http.length);
    r.put("in_process_p50_ms", percentile(local, 0.50));
    r.put("in_process_p99_ms", percentile(local, 0.99));
    r.put("service_p50_ms", percentile(http, 0.50));
    r.put("service_p99_ms", percentile(http, 0.99));
    r.put("overhead_p50_ms", percentile(http, 0.50) - percentile(local, 0.50));
    r.put("overhead_p99_ms", percentile(http, 0.99) - percentile(local, 0.99));
    return r;
  }

  /** Runs {@code calls} calls on each of {@code clients} virtual threads at once; returns every latency in ms, sorted. */
  private static double[] run(int clients, int calls, Supplier<Boolean> call) throws Exception {
    double[] latencies = new double[clients * calls];
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?>[] done = new Future<?>[clients];
      for (int c = 0; c < clients; c++) {
        int offset = c * calls;
        done[c] = threads.submit(() -> {
          for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.get();
            latencies[offset + i] = (System.nanoTime() - start) / 1e6;
          }
        });
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    Arrays.sort(latencies);
    return latencies;
  }

  private static double percentile(double[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // a temp folder; the OS cleans it eventually
    }
  }
}
