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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * {@code ./atomic bench service}: what the service adds per microtask over calling the exchange in process: HTTP,
 * JSON, the ledger write, the audit trail, metrics, the event feed and tracing (off, as by default).
 *
 * <p>Both sides run the same three stand-in bidders ({@link StandInBidder}: no model; each answer waits a fixed
 * <em>model time</em>, as a call to a hosted model would). The in-process side is {@code exchange.execute} on an
 * exchange without listeners; the service side is a synchronous {@code POST /v1/microtasks} over a real socket to a
 * server with a SQLite ledger, sent by Apache HttpClient's blocking client from platform threads with a connection pool
 * sized for every client (as a load generator would: the JDK's asynchronous client adds thread hops of its own).
 * Requests are not paired, so overhead is the difference of the two latency distributions at the same percentile, with
 * the same number of concurrent clients (1 and 50), whose first calls are spread over one model time.
 *
 * <p>The model time decides what fifty clients mean. With a model time of zero, fifty clients in a closed loop keep
 * the service saturated and each request queues behind the others: latency is then clients ÷ throughput, a measure of
 * capacity rather than of overhead, and it is reported as such. With a model time, fifty clients keep fifty microtasks
 * in flight, as fifty callers of a service would, and the difference is what the service adds. Every model time of
 * {@link #MODEL_MS} is measured and reported; the headline keys ({@code overhead_p50_ms}, {@code overhead_p99_ms}) are
 * those of {@link #HEADLINE_MODEL_MS}, and {@code saturated} keeps the zero-model-time figures beside them. The HTTP
 * floor ({@code GET /health/live} after the same wait, against the wait alone) shows what any route of this server
 * costs at each setting, so that Atomic's own share can be told from the web stack's.
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

    /** CPU the service path spends per request beyond the in-process call, client and server together. */
    double overheadCpuMs() {
      return service.cpuMsPerCall() - inProcess.cpuMsPerCall();
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
      r.put("overhead_cpu_ms_per_request", overheadCpuMs());
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
      warmUp(options, dir);
      for (int modelMs : modelTimes()) {
        Duration modelTime = Duration.ofMillis(modelMs);
        long answeredHere = 0;
        long failedHere = 0;
        try (Setting setting = new Setting(dir.resolve("bench-" + modelMs + "ms.db"), modelTime)) {
          // A few calls open the connections and fill the server's and the exchange's state for this model time.
          int warm = options.quick() ? 5 : 20;
          Load.closedLoop(1, warm, setting.inProcess);
          Load.Result warmed = Load.closedLoop(1, warm, setting.submit);
          answeredHere += warmed.succeeded();
          failedHere += warmed.failed();
          for (int clients : CLIENTS) {
            int each = calls(options.quick(), modelMs, clients);
            options.progress().printf("service: model time %d ms, %d client(s), %d calls each way%n", modelMs,
                clients, clients * each);
            Load.Result inProcessResult = Load.closedLoop(clients, each, modelTime, setting.inProcess);
            Load.Result serviceResult = Load.closedLoop(clients, each, modelTime, setting.submit);
            answeredHere += serviceResult.succeeded();
            failedHere += serviceResult.failed();
            rows.add(new Row(modelMs, clients, inProcessResult, serviceResult));
            // The floor: the server's cheapest route on the same sockets and threads, after the same wait, against
            // the wait alone. What HTTP costs, and what waking from the wait costs, whatever Atomic does.
            floor.add(new Row(modelMs, clients, Load.closedLoop(clients, each, modelTime, setting.idle),
                Load.closedLoop(clients, each, modelTime, setting.healthAfterWait)));
          }
          setting.server.store().flush().get(60, TimeUnit.SECONDS);
          // Each model time has a server and ledger of its own: every answered request is one awarded decision there.
          long recorded = setting.server.store().ledger().bidderStats(DecisionQuery.all().tenant("bench")).stream()
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

  /**
   * Compiles the hot paths before anything is measured, on a setting of its own with no model time (thousands of
   * calls in seconds), so that every measured model time meets the same compiled code whichever runs first.
   */
  private static void warmUp(BenchOptions options, Path dir) throws Exception {
    int calls = options.quick() ? 300 : 3_000;
    options.progress().printf("service: warming up the JIT (%d calls each way, not measured)%n", calls);
    try (Setting setting = new Setting(dir.resolve("warm-up.db"), Duration.ZERO)) {
      Load.closedLoop(1, calls, setting.inProcess);
      Load.closedLoop(1, calls, setting.submit);
      Load.closedLoop(1, calls, setting.health);
    }
  }

  /** One model time's two sides: an exchange in process and a server with its ledger, with the same bidders. */
  private static final class Setting implements AutoCloseable {

    final Exchange local;
    final AtomicServer server;
    final CloseableHttpClient client;
    final Load.Call inProcess;
    final Load.Call submit;
    final Load.Call health;
    final Load.Call idle;
    final Load.Call healthAfterWait;

    Setting(Path database, Duration modelTime) {
      local = Exchange.builder().seed(1).bidTimeout(Duration.ofSeconds(5)).build();
      bidders(modelTime).forEach(local::register);
      server = server(database, modelTime);
      client = HttpClients.custom()
          .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
              .setMaxConnPerRoute(2 * CLIENTS.getLast()).setMaxConnTotal(2 * CLIENTS.getLast()).build())
          .disableAutomaticRetries()
          .build();
      inProcess = () -> {
        local.execute(Microtask.builder("email.spam").tenant("bench").input(Map.of("subject", "hello")).build());
        return true;
      };
      URI base = URI.create("http://127.0.0.1:" + server.port());
      submit = () -> {
        HttpPost post = new HttpPost(base.resolve("/v1/microtasks"));
        post.setEntity(new StringEntity(BODY, ContentType.APPLICATION_JSON));
        return client.execute(post, Setting::ok);
      };
      health = () -> client.execute(new HttpGet(base.resolve("/health/live")), Setting::ok);
      idle = () -> {
        waitFor(modelTime);
        return true;
      };
      healthAfterWait = () -> {
        waitFor(modelTime);
        return health.call();
      };
    }

    /** As a model call keeps a caller waiting: the stand-in bidders wait the same way. */
    private static void waitFor(Duration modelTime) throws InterruptedException {
      if (modelTime.isPositive()) {
        Thread.sleep(modelTime);
      }
    }

    /** Reads the whole answer, so the connection goes back to the pool for the next call. */
    private static boolean ok(ClassicHttpResponse response) throws IOException {
      EntityUtils.consume(response.getEntity());
      return response.getCode() == 200;
    }

    @Override
    public void close() throws IOException {
      client.close();
      server.close();
      local.close();
    }
  }

  /** {@link #MODEL_MS}, or the model times listed in {@code -Datomic.bench.service.modelMs} (comma-separated). */
  private static List<Integer> modelTimes() {
    String chosen = System.getProperty("atomic.bench.service.modelMs");
    if (chosen == null || chosen.isBlank()) {
      return MODEL_MS;
    }
    try {
      return java.util.Arrays.stream(chosen.split(",")).map(String::strip).map(Integer::valueOf).toList();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("atomic.bench.service.modelMs must list model times in ms such as 0,200, was '"
          + chosen + "'", e);
    }
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



  /** Calls per client: a few seconds of load each, and at least 100 calls per percentile at one client. */
  private static int calls(boolean quick, int modelMs, int clients) {
    int calls = switch (modelMs) {
      case 0 -> clients == 1 ? 5_000 : 200;
      case 20 -> clients == 1 ? 400 : 100;
      // One client waits out every model time alone: 250 calls, so its p50 and p99 rest on more than a handful.
      default -> clients == 1 ? 250 : 40;
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
      @SuppressWarnings("unchecked")
      Map<String, Object> byClients = (Map<String, Object>) floorFigures.computeIfAbsent(
          String.valueOf(row.modelMs()), k -> new LinkedHashMap<String, Object>());
      byClients.put(String.valueOf(row.clients()), Map.of("health_p50_ms", row.service().percentile(0.50),
          "health_p99_ms", row.service().percentile(0.99), "floor_p50_ms", row.overheadP50(),
          "floor_p99_ms", row.overheadP99()));
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
        + "percentile, same number of concurrent clients in a closed loop, their first calls spread evenly over one "
        + "model time (as independent callers arrive; started together, they would stay in lockstep and arrive in "
        + "bursts). CPU per request: this process's CPU time (clients, server and writers) per call, service minus "
        + "in-process. ")
        .append(options.quick() ? "Quick run: not for reporting." : "Full run.")
        .append("\n\n| model time (ms) | clients | calls | in-process p50 / p99 (ms) | service p50 / p99 (ms) "
            + "| overhead p50 / p99 (ms) | CPU per request beyond in-process (ms) | service requests/s |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT,
          "| %d%s | %d | %d | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.3f | %.0f |%n",
          r.modelMs(), r.modelMs() == HEADLINE_MODEL_MS ? " (headline)" : r.modelMs() == 0 ? " (saturation)" : "",
          r.clients(), r.service().latenciesMs().length, r.inProcess().percentile(0.5), r.inProcess().percentile(0.99),
          r.service().percentile(0.5), r.service().percentile(0.99), r.overheadP50(), r.overheadP99(),
          r.overheadCpuMs(), r.service().callsPerSecond()));
    }
    md.append("\nHTTP floor: `GET /health/live` on the same server and client after the same wait, against the wait "
        + "alone (at no model time, the health call's own latency). What any HTTP service would add here.\n\n"
        + "| model time (ms) | clients | health p50 / p99 (ms) | floor p50 / p99 (ms) |\n|---|---|---|---|\n");
    for (Row r : floor) {
      md.append(String.format(Locale.ROOT, "| %d | %d | %.3f / %.3f | %.3f / %.3f |%n", r.modelMs(), r.clients(),
          r.service().percentile(0.5), r.service().percentile(0.99), r.overheadP50(), r.overheadP99()));
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
