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
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./atomic bench service}: what the service adds per microtask over calling the exchange in process: HTTP,
 * JSON, the ledger write, the audit trail, metrics, the event feed and tracing (off, as by default).
 *
 * <p>Both sides run the same three stand-in bidders ({@link StandInBidder}: no model; each answer waits a fixed
 * <em>model time</em>, as a call to a hosted model would). The in-process side is {@code exchange.execute} on an
 * exchange without listeners; the service side is a synchronous {@code POST /v1/microtasks} over a real socket to a
 * server with a SQLite ledger. Requests are not paired, so overhead is the difference of the two latency
 * distributions at the same percentile, with the same number of concurrent clients (1 and 50).
 *
 * <p>The model time decides what fifty clients mean. With a model time of zero, fifty clients in a closed loop keep
 * the service saturated and each request queues behind the others: latency is then clients ÷ throughput, a measure of
 * capacity rather than of overhead, and it is reported as such. With a model time, fifty clients keep fifty microtasks
 * in flight, as fifty callers of a service would, and the difference is what the service adds. Every model time of
 * {@link #MODEL_MS} is measured and reported; the headline keys ({@code overhead_p50_ms}, {@code overhead_p99_ms}) are
 * those of {@link #HEADLINE_MODEL_MS}, and {@code saturated} keeps the zero-model-time figures beside them.
 *
 * <p>Lost: requests that did not answer 200, plus decisions answered but absent from the ledger after a flush.
 */
public final class ServiceBenchmark implements Benchmark {

  /** Model times measured, in ms: none (saturation), a local model's, a short hosted-model call's. */
  static final List<Integer> MODEL_MS = List.of(0, 20, 200);

  /** The model time of the headline figures: a short call to a hosted model (a one-word classification). */
  static final int HEADLINE_MODEL_MS = 200;

  private static final List<Integer> CLIENTS = List.of(1, 50);
  private static final String BODY = "{\"kind\":\"email.spam\",\"tenant\":\"bench\",\"input\":{\"subject\":\"hello\"}}";

  /** One measured setting: the same load in process and over HTTP. */
  record Row(int modelMs, int clients, Load.Result inProcess, Load.Result service) {

    double overheadP50() {
      return service.percentile(0.50) - inProcess.percentile(0.50);
    }

    double overheadP99() {
      return service.percentile(0.99) - inProcess.percentile(0.99);
    }

    Map<String, Object> figures() {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("calls", service.latenciesMs().length);
      r.put("in_process_p50_ms", inProcess.percentile(0.50));
      r.put("in_process_p99_ms", inProcess.percentile(0.99));
      r.put("service_p50_ms", service.percentile(0.50));
      r.put("service_p99_ms", service.percentile(0.99));
      r.put("overhead_p50_ms", overheadP50());
      r.put("overhead_p99_ms", overheadP99());
      r.put("service_requests_per_s", service.callsPerSecond());
      r.put("in_process_calls_per_s", inProcess.callsPerSecond());
      return r;
    }
  }

  @Override
  public String name() {
    return "service";
  }

  @Override
  public String description() {
    return "overhead the HTTP service (API, ledger, audit, metrics, feed) adds per microtask over an in-process call";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    // Logs as `atomic serve` writes them: JSON lines at INFO (to stderr here, to keep the report readable).
    JsonLogging.install(System.err, "INFO");
    Path dir = Files.createTempDirectory("atomic-service-bench");
    List<Row> rows = new ArrayList<>();
    List<Row> floor = new ArrayList<>();
    long answered = 0;
    long lost = 0;
    try {
      for (int modelMs : MODEL_MS) {
        Duration modelTime = Duration.ofMillis(modelMs);
        long answeredHere = 0;
        long failedHere = 0;
        try (Exchange local = Exchange.builder().seed(1).bidTimeout(Duration.ofSeconds(5)).build();
            AtomicServer server = server(dir.resolve("bench-" + modelMs + "ms.db"), modelTime);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
          bidders(modelTime).forEach(local::register);
          Load.Call inProcess = () -> {
            local.execute(Microtask.builder("email.spam").tenant("bench").input(Map.of("subject", "hello")).build());
            return true;
          };
          String base = "http://127.0.0.1:" + server.port();
          Load.Call submit = http(client, HttpRequest.newBuilder(URI.create(base + "/v1/microtasks"))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
          Load.Call health = http(client, HttpRequest.newBuilder(URI.create(base + "/health/live")).GET().build());

          int warm = warmup(options.quick(), modelMs);
          options.progress().printf("service: model time %d ms, warming up (%d calls each way)%n", modelMs, warm);
          Load.closedLoop(1, warm, inProcess);
          Load.Result warmed = Load.closedLoop(1, warm, submit);
          answeredHere += warmed.succeeded();
          failedHere += warmed.failed();
          for (int clients : CLIENTS) {
            int each = calls(options.quick(), modelMs, clients);
            options.progress().printf("service: model time %d ms, %d client(s), %d calls each way%n", modelMs,
                clients, clients * each);
            Load.Result inProcessResult = Load.closedLoop(clients, each, inProcess);
            Load.Result serviceResult = Load.closedLoop(clients, each, submit);
            answeredHere += serviceResult.succeeded();
            failedHere += serviceResult.failed();
            rows.add(new Row(modelMs, clients, inProcessResult, serviceResult));
            if (modelMs == 0) {
              // The framework's floor: the cheapest route the server has, on the same sockets and threads.
              Load.closedLoop(1, warm, health);
              floor.add(new Row(0, clients, inProcessResult, Load.closedLoop(clients, each, health)));
            }
          }
          server.store().flush().get(60, TimeUnit.SECONDS);
          // Each model time has a server and ledger of its own: every answered request is one awarded decision there.
          long recorded = server.store().ledger().bidderStats(DecisionQuery.all().tenant("bench")).stream()
              .mapToLong(BidderStats::wins).sum();
          lost += failedHere + Math.max(0, answeredHere - recorded);
          answered += answeredHere;
        }
      }
    } finally {
      deleteQuietly(dir);
    }
    Reports.write(options.out(), name(), figures(options, rows, floor, answered, lost),
        markdown(options, rows, floor, answered, lost));
  }

  private static AtomicServer server(Path database, Duration modelTime) {
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(1).withStoreUrl(database.toString());
    AtomicServer.Builder builder = AtomicServer.builder(config).exchange(b -> b.bidTimeout(Duration.ofSeconds(5)));
    bidders(modelTime).forEach(builder::bidder);
    return builder.start();
  }

  private static List<Bidder> bidders(Duration modelTime) {
    return List.of(new StandInBidder("local-head", 0.85, 0.00001, modelTime),
        new StandInBidder("mid-llm", 0.92, 0.0008, modelTime),
        new StandInBidder("premium-llm", 0.99, 0.012, modelTime));
  }

  private static Load.Call http(HttpClient client, HttpRequest request) {
    return () -> client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
  }

  /** Enough calls to warm the JIT with no model time; with one, the earlier runs have warmed it already. */
  private static int warmup(boolean quick, int modelMs) {
    if (modelMs == 0) {
      return quick ? 300 : 3_000;
    }
    return quick ? 5 : 20;
  }

  /** Calls per client: a few seconds of load each, and at least 100 calls per percentile at one client. */
  private static int calls(boolean quick, int modelMs, int clients) {
    int calls = switch (modelMs) {
      case 0 -> clients == 1 ? 5_000 : 200;
      case 20 -> clients == 1 ? 400 : 100;
      default -> clients == 1 ? 100 : 40;
    };
    return quick ? Math.max(2, calls / 10) : calls;
  }

  private static Map<String, Object> figures(BenchOptions options, List<Row> rows, List<Row> floor, long answered,
      long lost) {
    Map<String, Object> figures = new LinkedHashMap<>();
    Map<String, Object> p50 = new LinkedHashMap<>();
    Map<String, Object> p99 = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.modelMs() == HEADLINE_MODEL_MS) {
        p50.put(String.valueOf(row.clients()), row.overheadP50());
        p99.put(String.valueOf(row.clients()), row.overheadP99());
      }
    }
    figures.put("overhead_p50_ms", p50);
    figures.put("overhead_p99_ms", p99);
    figures.put("lost", lost);
    figures.put("decisions_answered", answered);
    figures.put("headline_model_ms", HEADLINE_MODEL_MS);
    Map<String, Object> byModel = new LinkedHashMap<>();
    for (Row row : rows) {
      @SuppressWarnings("unchecked")
      Map<String, Object> byClients = (Map<String, Object>) byModel.computeIfAbsent(String.valueOf(row.modelMs()),
          k -> new LinkedHashMap<String, Object>());
      byClients.put(String.valueOf(row.clients()), row.figures());
    }
    figures.put("by_model_ms", byModel);
    Map<String, Object> saturated = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.modelMs() == 0) {
        saturated.put(String.valueOf(row.clients()), row.figures());
      }
    }
    figures.put("saturated", saturated);
    Map<String, Object> floorFigures = new LinkedHashMap<>();
    for (Row row : floor) {
      floorFigures.put(String.valueOf(row.clients()), Map.of("health_p50_ms", row.service().percentile(0.50),
          "health_p99_ms", row.service().percentile(0.99), "health_requests_per_s", row.service().callsPerSecond()));
    }
    figures.put("http_floor", floorFigures);
    figures.put("bidders", 3);
    figures.put("ledger", "SQLite (file in a temp folder), audit trail on");
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    // The machine is shared; a high load average means other work competed for the cores during the run.
    figures.put("load_average_1m_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    figures.put("quick", options.quick());
    return figures;
  }

  private static String markdown(BenchOptions options, List<Row> rows, List<Row> floor, long answered, long lost) {
    StringBuilder md = new StringBuilder("# Service overhead benchmark\n\n");
    md.append("What `POST /v1/microtasks` (HTTP/1.1 over loopback, JSON, SQLite ledger, audit trail, metrics, decision "
        + "feed; tracing off as by default) adds over `exchange.execute` in process, with the same three stand-in "
        + "bidders (no model: each answer waits the model time). Overhead = service percentile − in-process "
        + "percentile, same number of concurrent clients in a closed loop. ")
        .append(options.quick() ? "Quick run: not for reporting." : "Full run.")
        .append("\n\n| model time (ms) | clients | calls | in-process p50 / p99 (ms) | service p50 / p99 (ms) "
            + "| overhead p50 / p99 (ms) | service requests/s |\n|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %d%s | %d | %d | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.0f |%n",
          r.modelMs(), r.modelMs() == HEADLINE_MODEL_MS ? " (headline)" : r.modelMs() == 0 ? " (saturation)" : "",
          r.clients(), r.service().latenciesMs().length, r.inProcess().percentile(0.5), r.inProcess().percentile(0.99),
          r.service().percentile(0.5), r.service().percentile(0.99), r.overheadP50(), r.overheadP99(),
          r.service().callsPerSecond()));
    }
    md.append("\nHTTP floor (`GET /health/live`, same server and client): ");
    for (Row r : floor) {
      md.append(String.format(Locale.ROOT, "%d client(s) p50 %.3f ms, p99 %.3f ms, %.0f requests/s; ", r.clients(),
          r.service().percentile(0.5), r.service().percentile(0.99), r.service().callsPerSecond()));
    }
    md.append(String.format(Locale.ROOT, "%n%nWith no model time, fifty clients in a closed loop saturate the "
        + "service: their latency is clients ÷ throughput (queueing), not overhead.%n%nLost: %d of %d answered "
        + "decisions (non-200 answers, or answered but missing from the ledger after a flush).%n%nTarget: overhead "
        + "p50 under 1 ms, nothing lost. Machine: %d cores, %s %s; 1-minute load average at the end %.1f.%n", lost,
        answered, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    options.progress().println(md);
    return md.toString();
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // a temp folder; the OS cleans it eventually
    }
  }
}
