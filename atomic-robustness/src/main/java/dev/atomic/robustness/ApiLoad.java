package dev.atomic.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.engine.Pipeline;
import dev.atomic.engine.StepKinds;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.ServerConfig;
import dev.atomic.store.Ledger;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A load run over loopback: a real {@link AtomicServer} (SQLite ledger, three in-process bidders, one two-step
 * pipeline) and many virtual-thread clients that each, until the time is up, alternately submit a microtask
 * ({@code POST /v1/microtasks}) and run the pipeline ({@code POST /v1/runs}), synchronously, with a request timeout.
 *
 * <p>Afterwards the ledger is flushed and every acknowledged (200) answer is looked up in it: the microtask's decision,
 * and the run with status {@code succeeded}. The bidders count what they served, so the result also shows whether any
 * acknowledged call was served (paid) more than once.
 *
 * {@snippet :
 * ApiLoad.Result r = ApiLoad.run(new ApiLoad.Settings(500, Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofSeconds(1)), dir);
 * }
 */
public final class ApiLoad {

  /** The pipeline the clients run: two labelling steps, the second after the first. */
  static final String PIPELINE = "label-twice";

  /**
   * What to run.
   *
   * @param clients concurrent clients, each a virtual thread with one request in flight
   * @param duration how long clients keep starting requests
   * @param requestTimeout how long one request may take before it counts as an error
   * @param rampUp over how long the clients arrive, evenly spaced; all at once when zero
   */
  public record Settings(int clients, Duration duration, Duration requestTimeout, Duration rampUp) {
    public Settings {
      if (clients < 1 || clients > 10_000) {
        throw new IllegalArgumentException("clients must be in [1, 10000], was " + clients);
      }
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("duration must be positive, was " + duration);
      }
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
      }
      Objects.requireNonNull(rampUp, "rampUp");
      if (rampUp.isNegative() || rampUp.compareTo(duration) >= 0) {
        throw new IllegalArgumentException("rampUp must be in [0, duration), was " + rampUp + " for " + duration);
      }
    }
  }

  /**
   * What a load run measured.
   *
   * @param clients concurrent clients
   * @param seconds wall time from the first request to the last answer
   * @param requests requests completed (answered or failed)
   * @param errors requests that did not answer 200 within the timeout
   * @param errorKinds errors by kind (HTTP status or exception type), for diagnosis
   * @param throughputPerSecond answered requests per second
   * @param latencyMs latency percentiles of all requests, in ms: p50, p90, p99, p99.9, max
   * @param acknowledgedMicrotasks microtasks answered 200
   * @param acknowledgedRuns runs answered 200
   * @param missingDecisions acknowledged microtasks whose decision is not in the ledger afterwards
   * @param missingRuns acknowledged runs absent from the ledger, or not recorded as succeeded, afterwards
   * @param callsServed serve calls the bidders received
   * @param callsAcknowledged serve calls the acknowledged answers account for (one per microtask, two per run)
   * @param chargedUsd what the bidders charged in total
   * @param heapBeforeBytes heap in use after a GC, before the load
   * @param heapAfterBytes heap in use after a GC, after the load and the ledger check
   */
  public record Result(int clients, double seconds, long requests, long errors, Map<String, Long> errorKinds,
      double throughputPerSecond, Map<String, Double> latencyMs, long acknowledgedMicrotasks, long acknowledgedRuns,
      long missingDecisions, long missingRuns, long callsServed, long callsAcknowledged, double chargedUsd,
      long heapBeforeBytes, long heapAfterBytes) {

    /** Acknowledged answers missing from the ledger afterwards. */
    public long lost() {
      return missingDecisions + missingRuns;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiLoad() {}

  /** Runs the load against a fresh server whose SQLite ledger lives in {@code workDir}. */
  public static Result run(Settings settings, Path workDir) throws Exception {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(workDir, "workDir");
    List<CountingBidder> bidders = List.of(new CountingBidder("local-head", 0.85, 0.00001),
        new CountingBidder("mid-llm", 0.92, 0.0008), new CountingBidder("premium-llm", 0.99, 0.012));
    ServerConfig config = ServerConfig.defaults().withPort(0).withSeed(7)
        .withStoreUrl(workDir.resolve("load.db").toString());
    AtomicServer.Builder builder = AtomicServer.builder(config)
        .exchange(b -> b.bidTimeout(Duration.ofSeconds(10)))
        .pipeline(pipeline());
    bidders.forEach(builder::bidder);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (AtomicServer server = builder.start();
        ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.requestTimeout()).executor(clientThreads).build()) {
      long heapBefore = heapAfterGc(memory);
      String base = "http://127.0.0.1:" + server.port();
      Tally tally = new Tally();
      long start = System.nanoTime();
      long stopAt = start + settings.duration().toNanos();
      List<long[]> latencies = new ArrayList<>();
      CountDownLatch done = new CountDownLatch(settings.clients());
      try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int c = 0; c < settings.clients(); c++) {
          long arriveAt = start + settings.rampUp().toNanos() * c / settings.clients();
          Client client = new Client(c, http, base, settings.requestTimeout(), tally, arriveAt);
          synchronized (latencies) {
            latencies.add(null);
          }
          int slot = c;
          clients.execute(() -> {
            try {
              long[] mine = client.runUntil(stopAt);
              synchronized (latencies) {
                latencies.set(slot, mine);
              }
            } finally {
              done.countDown();
            }
          });
        }
        done.await();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();

      server.store().flush().get(120, TimeUnit.SECONDS);
      long missingDecisions = countMissing(tally.decisionIds, id -> server.store().ledger().decision(id).isPresent(),
          server);
      long missingRuns = countMissing(tally.runIds, id -> succeeded(server.store().ledger(), id), server);
      long served = bidders.stream().mapToLong(CountingBidder::served).sum();
      double charged = bidders.stream().mapToDouble(CountingBidder::chargedUsd).sum();
      long microtasks = tally.decisionIds.size();
      long runs = tally.runIds.size();
      long heapAfter = heapAfterGc(memory);
      Map<String, Double> percentiles = new java.util.LinkedHashMap<>();
      percentiles.put("p50", percentile(all, 0.50));
      percentiles.put("p90", percentile(all, 0.90));
      percentiles.put("p99", percentile(all, 0.99));
      percentiles.put("p99.9", percentile(all, 0.999));
      percentiles.put("max", all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
      return new Result(settings.clients(), seconds, all.length, tally.errors.sum(), new TreeMap<>(tally.kinds()),
          (microtasks + runs) / seconds, percentiles, microtasks, runs, missingDecisions, missingRuns, served,
          microtasks + 2 * runs, charged, heapBefore, heapAfter);
    }
  }

  /** The ids the check does not find; those missing are looked up once more after another flush. */
  private static long countMissing(Iterable<String> ids, java.util.function.Predicate<String> present,
      AtomicServer server) throws Exception {
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!present.test(id)) {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return 0;
    }
    // A run's final status is queued by a completion callback that may trail its answer by a moment.
    server.store().flush().get(120, TimeUnit.SECONDS);
    return missing.stream().filter(id -> !present.test(id)).count();
  }

  private static boolean succeeded(Ledger ledger, String runId) {
    return ledger.run(runId).map(r -> "succeeded".equals(r.status())).orElse(false);
  }

  static Pipeline pipeline() {
    StepKinds kinds = StepKinds.builder().kind("doc.label", String.class, String.class).build();
    return Pipeline.builder(PIPELINE, kinds).request(Doc.class)
        .step("first", s -> s.kind("doc.label").input("${request.text}"))
        .step("second", s -> s.kind("doc.label").input("${request.text}").after("first"))
        .build();
  }

  /** The pipeline's request. */
  public record Doc(String text) {}

  private static long heapAfterGc(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double percentile(long[] sortedNanos, double q) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(q * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
  }

  /** What every client saw: acknowledged ids and errors. */
  private static final class Tally {
    final java.util.Set<String> decisionIds = ConcurrentHashMap.newKeySet();
    final java.util.Set<String> runIds = ConcurrentHashMap.newKeySet();
    final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    void error(String kind) {
      errors.increment();
      errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    Map<String, Long> kinds() {
      Map<String, Long> out = new TreeMap<>();
      errorKinds.forEach((k, v) -> out.put(k, v.sum()));
      return out;
    }
  }

  /** One client: alternates a microtask and a run, one request at a time, until the deadline. */
  private record Client(int number, HttpClient http, String base, Duration timeout, Tally tally, long arriveAtNanos) {

    long[] runUntil(long stopAtNanos) {
      long wait = arriveAtNanos - System.nanoTime();
      if (wait > 0) {
        try {
          // Pacing the clients' arrival, as a ramp-up does; nothing waits on another thread here.
          Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new long[0];
        }
      }
      long[] latencies = new long[64];
      int n = 0;
      // At least one microtask and one run each, however slow the machine, so both routes are always exercised.
      for (int i = 0; i < 2 || System.nanoTime() < stopAtNanos; i++) {
        boolean run = i % 2 == 1;
        String id = "c" + number + "-" + i;
        String path = run ? "/v1/runs" : "/v1/microtasks";
        String body = run
            ? "{\"pipeline\":\"" + PIPELINE + "\",\"id\":\"" + id + "\",\"request\":{\"text\":\"invoice " + i + "\"}}"
            : "{\"id\":\"" + id + "\",\"kind\":\"email.spam\",\"tenant\":\"load\",\"input\":{\"subject\":\"hi " + i
                + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() != 200) {
            tally.error(path + " http " + response.statusCode());
          } else if (run) {
            tally.runIds.add(id);
          } else {
            JsonNode answer = JSON.readTree(response.body());
            tally.decisionIds.add(answer.path("decisionId").asText());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          tally.error("interrupted");
          break;
        } catch (Exception e) {
          tally.error(path + " " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (n == latencies.length) {
          latencies = Arrays.copyOf(latencies, n * 2);
        }
        latencies[n++] = System.nanoTime() - start;
      }
      return Arrays.copyOf(latencies, n);
    }
  }
}
