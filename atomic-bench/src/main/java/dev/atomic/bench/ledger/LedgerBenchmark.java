package dev.atomic.bench.ledger;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.estimate.EstimatorSnapshot;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.Utility;
import dev.atomic.store.DecisionEntry;
import dev.atomic.store.DecisionQuery;
import dev.atomic.store.ExchangeState;
import dev.atomic.store.Store;
import dev.atomic.store.StoreConfig;
import dev.atomic.task.Features;
import dev.atomic.task.Microtask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * {@code ./atomic bench ledger}: how fast the store records decisions and how long an acknowledgement takes, on SQLite
 * (a file in a temporary folder) and on PostgreSQL (a throw-away schema at 127.0.0.1:5432/test, or
 * {@code ATOMIC_BENCH_POSTGRES_URL}); plus saving and loading an exchange's learned state, and two ledger queries.
 *
 * <p>Decisions are real: an exchange with five in-process bidders auctions seeded microtasks first, so each recorded
 * decision has five scored bids. Writers are virtual threads that record as fast as they can and then wait for their
 * acknowledgements.
 */
public final class LedgerBenchmark implements Benchmark {

  private static final String PG_URL =
      System.getenv().getOrDefault("ATOMIC_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

  @Override
  public String name() {
    return "ledger";
  }

  @Override
  public String description() {
    return "store write throughput, acknowledgement latency, state save/restore and queries on SQLite and PostgreSQL";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    int writers = 50;
    int perWriter = options.quick() ? 40 : 400;
    List<Decision> decisions = decisions(writers * perWriter);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("writers", writers);
    figures.put("decisions", decisions.size());
    figures.put("bids_per_decision", decisions.getFirst().ranked().size() + decisions.getFirst().exclusions().size());
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("quick", options.quick());
    Map<String, Object> results = new LinkedHashMap<>();

    Path dir = Files.createTempDirectory("atomic-ledger-bench");
    options.progress().println("ledger: SQLite...");
    results.put("sqlite", measure(c -> c.sqlite(dir.resolve("ledger.db")), decisions, writers, options));

    String schema = "atomic_bench_" + UUID.randomUUID().toString().replace("-", "");
    Optional<String> unreachable = createSchema(schema);
    if (unreachable.isPresent()) {
      results.put("postgres", Map.of("skipped", "PostgreSQL at " + PG_URL + " is unreachable: " + unreachable.get()));
    } else {
      options.progress().println("ledger: PostgreSQL...");
      try {
        results.put("postgres", measure(c -> c.postgres(PG_URL, "postgres", "", schema), decisions, writers, options));
      } finally {
        dropSchema(schema);
      }
    }
    figures.put("results", results);
    String md = markdown(figures, results, options.quick());
    Reports.write(options.out(), name(), figures, md);
    options.progress().println(md);
  }

  private static Map<String, Object> measure(Consumer<StoreConfig> target, List<Decision> decisions, int writers,
      BenchOptions options) throws Exception {
    Map<String, Object> row = new LinkedHashMap<>();
    // A burst larger than the queue must wait for room, not be refused: give the writer ample time on a busy machine.
    try (Store store = Store.open(target.andThen(c -> c.enqueueTimeout(Duration.ofMinutes(2))))) {
      // Warm up the connections, the JIT and the tables with a tenth of the load, not counted.
      record(store, decisions.subList(0, decisions.size() / 10), writers, "warm-");
      Recorded run = record(store, decisions, writers, "");
      row.put("entries_per_second", decisions.size() / run.seconds());
      row.put("record_call_p50_us", percentile(run.callNanos(), 50) / 1e3);
      row.put("record_call_p99_us", percentile(run.callNanos(), 99) / 1e3);
      row.put("ack_p50_ms", percentile(run.ackNanos(), 50) / 1e6);
      row.put("ack_p99_ms", percentile(run.ackNanos(), 99) / 1e6);

      long[] paced = paced(store, decisions.subList(0, Math.min(decisions.size(), 2000)), 1_000);
      row.put("paced_entries_per_second", 1_000);
      row.put("paced_ack_p50_ms", percentile(paced, 50) / 1e6);
      row.put("paced_ack_p99_ms", percentile(paced, 99) / 1e6);

      ExchangeState state = learnedState();
      long t0 = System.nanoTime();
      store.saveState("bench", state);
      long t1 = System.nanoTime();
      ExchangeState loaded = store.loadState("bench").orElseThrow();
      long t2 = System.nanoTime();
      row.put("state_arms", state.snapshot().arms().size());
      row.put("save_state_ms", (t1 - t0) / 1e6);
      row.put("load_state_ms", (t2 - t1) / 1e6);
      row.put("state_round_trip_exact", sameState(state, loaded));

      long q0 = System.nanoTime();
      int listed = store.ledger().decisions(DecisionQuery.all().tenant("tenant-3").page(0, 50)).items().size();
      long q1 = System.nanoTime();
      int arms = store.ledger().bidderStats(DecisionQuery.all()).size();
      long q2 = System.nanoTime();
      row.put("query_page_of_50_ms", (q1 - q0) / 1e6);
      row.put("query_page_rows", listed);
      row.put("bidder_stats_ms", (q2 - q1) / 1e6);
      row.put("bidder_stats_arms", arms);
    }
    options.progress().println("  " + row);
    return row;
  }

  private record Recorded(double seconds, long[] callNanos, long[] ackNanos) {}

  /** Every writer records its share as fast as it can, then waits for its acknowledgements. */
  private static Recorded record(Store store, List<Decision> decisions, int writers, String prefix) throws Exception {
    int each = decisions.size() / writers;
    long[] callNanos = new long[each * writers];
    long[] ackNanos = new long[each * writers];
    long start = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int first = w * each;
        done.add(threads.submit(() -> {
          List<CompletableFuture<Void>> acks = new ArrayList<>(each);
          for (int i = first; i < first + each; i++) {
            Decision d = decisions.get(i);
            Decision renamed = prefix.isEmpty() ? d : new Decision(prefix + d.id(), d.taskId(), d.kind(), d.tenant(),
                d.decidedAtEpochMs(), d.costWeight(), d.latencyWeight(), d.draw(), d.ranked(), d.exclusions(),
                d.winner(), d.margin(), d.explored());
            long before = System.nanoTime();
            int slot = i;
            acks.add(store.record(DecisionEntry.of(renamed))
                .whenComplete((ok, error) -> ackNanos[slot] = System.nanoTime() - before));
            callNanos[i] = System.nanoTime() - before;
          }
          acks.forEach(CompletableFuture::join);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    return new Recorded((System.nanoTime() - start) / 1e9, callNanos, ackNanos);
  }

  /**
   * One writer records at a steady rate well below saturation; the acknowledgement latency is then what a caller waits
   * for a commit, not time spent queued behind a burst.
   */
  private static long[] paced(Store store, List<Decision> decisions, int perSecond) {
    long[] ackNanos = new long[decisions.size()];
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    long interval = 1_000_000_000L / perSecond;
    long next = System.nanoTime();
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      Decision renamed = new Decision("paced-" + d.id(), d.taskId(), d.kind(), d.tenant(), d.decidedAtEpochMs(),
          d.costWeight(), d.latencyWeight(), d.draw(), d.ranked(), d.exclusions(), d.winner(), d.margin(),
          d.explored());
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      next += interval;
      long before = System.nanoTime();
      int slot = i;
      acks.add(store.record(DecisionEntry.of(renamed))
          .whenComplete((ok, error) -> ackNanos[slot] = System.nanoTime() - before));
    }
    acks.forEach(CompletableFuture::join);
    return ackNanos;
  }

  /** Real decisions: five in-process bidders, seeded microtasks over ten tenants. */
  private static List<Decision> decisions(int count) {
    List<Decision> out = new ArrayList<>(count);
    try (Exchange exchange = exchange(5, 1)) {
      for (int i = 0; i < count; i++) {
        out.add(exchange.award(Microtask.builder("email.spam").id("task-" + i).tenant("tenant-" + (i % 10)).build()));
      }
    }
    return out;
  }

  /** The learned state of an exchange with 50 bidders on 20 kinds (1,000 arms) after seeded feedback. */
  private static ExchangeState learnedState() {
    try (Exchange exchange = exchange(50, 2)) {
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < 4000; i++) {
        Decision d = exchange.award(Microtask.builder("kind.k" + (i % 20)).id("s-" + i).build());
        exchange.feedback(d.id(), Feedback.score(random.nextDouble() < 0.7 ? 1 : 0));
      }
      // Every arm on every kind, not just the winners, so the state has its full size.
      for (int k = 0; k < 20; k++) {
        for (Bidder b : exchange.bidders()) {
          exchange.estimator().observeOutcome(b.id(), "kind.k" + k, 0.8, Features.none(), 1);
        }
      }
      return ExchangeState.of(exchange);
    }
  }

  private static Exchange exchange(int bidders, long seed) {
    Exchange.Builder builder = Exchange.builder().seed(seed).utility(Utility.of(5, 0.1));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < bidders; i++) {
      builder.bidder(new Fixed("bidder-" + i, 0.5 + 0.5 * random.nextDouble(), 0.01 * random.nextDouble(),
          50 + random.nextInt(2000)));
    }
    return builder.build();
  }

  private record Fixed(String id, double quality, double costUsd, long latencyMs) implements Bidder {
    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(Bid.of(quality, costUsd, Duration.ofMillis(latencyMs)));
    }

    @Override
    public Answer serve(Microtask task) {
      return Answer.of("ok", costUsd, Duration.ofMillis(latencyMs));
    }
  }

  /** Whether two states hold exactly the same numbers (the records hold arrays, so equals() would compare identity). */
  private static boolean sameState(ExchangeState a, ExchangeState b) {
    List<EstimatorSnapshot.Arm> x = a.snapshot().arms();
    List<EstimatorSnapshot.Arm> y = b.snapshot().arms();
    if (a.auctionsHeld() != b.auctionsHeld() || x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      EstimatorSnapshot.Arm p = x.get(i);
      EstimatorSnapshot.Arm q = y.get(i);
      if (!p.arm().equals(q.arm()) || !p.kind().equals(q.kind()) || !Arrays.equals(p.mean(), q.mean())
          || !Arrays.equals(p.covariance(), q.covariance()) || p.observations() != q.observations()
          || !p.cost().equals(q.cost()) || !p.latency().equals(q.latency())) {
        return false;
      }
    }
    return true;
  }

  private static double percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1));
    return sorted[index];
  }

  private static Optional<String> createSchema(String schema) {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static void dropSchema(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @SuppressWarnings("unchecked")
  private static String markdown(Map<String, Object> figures, Map<String, Object> results, boolean quick) {
    StringBuilder md = new StringBuilder("# Ledger benchmark\n\n");
    md.append(String.format(Locale.ROOT, "Burst: %d writers (virtual threads) record %d real decisions (%d bids each) "
            + "as fast as they can, then wait for every acknowledgement (committed); burst acknowledgement latency is "
            + "mostly time queued. Paced: one writer records 1,000 decisions/s; its acknowledgement latency is the "
            + "commit latency a caller sees. %s\n\n", figures.get("writers"),
        figures.get("decisions"), figures.get("bids_per_decision"),
        quick ? "Quick run: not for reporting." : "Full run."));
    md.append("| database | entries/s (burst) | record() p50 µs | record() p99 µs | burst ack p50 ms "
        + "| burst ack p99 ms | paced ack p50 ms | paced ack p99 ms | save state ms | load state ms | page of 50 ms "
        + "| bidder stats ms |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    results.forEach((db, value) -> {
      Map<String, Object> r = (Map<String, Object>) value;
      if (r.containsKey("skipped")) {
        md.append("| ").append(db).append(" | skipped: ").append(r.get("skipped")).append(" |||||||||||\n");
        return;
      }
      md.append(String.format(Locale.ROOT,
          "| %s | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
          db, r.get("entries_per_second"), r.get("record_call_p50_us"), r.get("record_call_p99_us"),
          r.get("ack_p50_ms"), r.get("ack_p99_ms"), r.get("paced_ack_p50_ms"), r.get("paced_ack_p99_ms"),
          r.get("save_state_ms"), r.get("load_state_ms"), r.get("query_page_of_50_ms"), r.get("bidder_stats_ms")));
    });
    md.append("\nState: ").append(((Map<String, Object>) results.get("sqlite")).get("state_arms"))
        .append(" arms (50 bidders x 20 kinds). Queries run once each on the recorded decisions; single samples, "
            + "not distributions.\n");
    return md.toString();
  }
}
