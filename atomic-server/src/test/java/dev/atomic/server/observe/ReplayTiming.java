package dev.atomic.server.observe;

import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.Feedback;
import dev.atomic.exchange.Utility;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.store.DecisionQuery;
import dev.atomic.store.DecisionSummary;
import dev.atomic.store.Ledger;
import dev.atomic.store.LedgerRecorder;
import dev.atomic.store.OutputEntry;
import dev.atomic.store.Page;
import dev.atomic.store.Store;
import dev.atomic.store.StoreConfig;
import dev.atomic.task.Microtask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Not a test: a timing of the dashboard's history replay at start, on SQLite (a temporary file) and PostgreSQL (a
 * throw-away schema at 127.0.0.1:5432/test, or ATOMIC_TEST_POSTGRES_URL; replays read through ATOMIC_REPLAY_READ_URL
 * when set, e.g. a proxy that delays packets as a network would). It records {@code decisions} awards as the
 * server does (decision, execution, output, feedback for three in four), then times, in turns, the replay as it was
 * (pages of decision ids, then {@code Ledger.award(id)} per decision) and {@link StatsHistory#replay} as it is.
 *
 * <p>Arguments: {@code [decisions=2000] [rounds=7] [sqlite|postgres|both] [before|after]}. The last names the replay
 * that runs first, whose first round is printed as cold (the server replays once, at start, in a cold JVM); then both
 * warm up and their median and fastest timed rounds are printed.
 */
public final class ReplayTiming {

  private static final String PG_URL =
      System.getenv().getOrDefault("ATOMIC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

  private ReplayTiming() {}

  public static void main(String[] args) throws Exception {
    int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    String which = args.length > 2 ? args[2] : "both";
    boolean beforeFirst = !(args.length > 3 && args[3].equals("after"));
    if (!which.equals("postgres")) {
      Path dir = Files.createTempDirectory("replay-timing");
      try {
        Consumer<StoreConfig> sqlite = c -> c.sqlite(dir.resolve("atomic.db"));
        time("sqlite", sqlite, sqlite, decisions, rounds, beforeFirst);
      } finally {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
        Files.delete(dir);
      }
    }
    if (!which.equals("sqlite")) {
      String schema = "atomic_replay_" + UUID.randomUUID().toString().replace("-", "");
      // Reading may go another way than writing: through a proxy that adds a network's delay, say.
      String readUrl = System.getenv().getOrDefault("ATOMIC_REPLAY_READ_URL", PG_URL);
      try {
        time("postgres" + (readUrl.equals(PG_URL) ? "" : " read through " + readUrl),
            c -> c.postgres(PG_URL, "postgres", "", schema), c -> c.postgres(readUrl, "postgres", "", schema),
            decisions, rounds, beforeFirst);
      } finally {
        try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  private static void time(String database, Consumer<StoreConfig> write, Consumer<StoreConfig> read, int decisions,
      int rounds, boolean beforeFirst) {
    long filling = System.nanoTime();
    try (Store store = Store.open(write)) {
      fill(store, decisions);
    }
    System.out.printf(Locale.ROOT, "%s: recorded %d awards in %.1f s%n", database, decisions,
        (System.nanoTime() - filling) / 1e9);
    // A store of its own, as at a server's start.
    try (Store store = Store.open(read)) {
      time(database, store.ledger(), rounds, beforeFirst);
    }
  }

  private static void time(String database, Ledger ledger, int rounds, boolean beforeFirst) {
    int limit = 2_000;
    ToIntFunction<TenantStats> perDecision = stats -> replayOneByOne(ledger, stats, limit);
    ToIntFunction<TenantStats> bulk = stats -> StatsHistory.replay(ledger, stats, limit);
    long t0 = System.nanoTime();
    int cold = run(beforeFirst ? perDecision : bulk);
    System.out.printf(Locale.ROOT, "%s: cold, first replay (%s) of %d decisions: %.1f ms%n", database,
        beforeFirst ? "award per decision" : "recentAwards", cold, (System.nanoTime() - t0) / 1e6);
    // Two rounds each to warm up (JIT, pool, database caches), then timed rounds in turns.
    for (int i = 0; i < 2; i++) {
      run(perDecision);
      run(bulk);
    }
    long[] before = new long[rounds];
    long[] after = new long[rounds];
    long[] readOnly = new long[rounds];
    int replayedBefore = 0;
    int replayedAfter = 0;
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      replayedBefore = run(perDecision);
      before[i] = System.nanoTime() - t;
      t = System.nanoTime();
      replayedAfter = run(bulk);
      after[i] = System.nanoTime() - t;
      t = System.nanoTime();
      ledger.recentAwards(limit);
      readOnly[i] = System.nanoTime() - t;
    }
    if (replayedBefore != replayedAfter) {
      throw new IllegalStateException("the two replays disagree: " + replayedBefore + " and " + replayedAfter);
    }
    System.out.printf(Locale.ROOT, "%s: %d decisions replayed, %d rounds: award per decision median %.1f ms"
            + " (fastest %.1f); recentAwards median %.1f ms (fastest %.1f), of which reading %.1f ms (fastest %.1f)%n",
        database, replayedAfter, rounds, median(before), fastest(before), median(after), fastest(after),
        median(readOnly), fastest(readOnly));
  }

  private static int run(ToIntFunction<TenantStats> replay) {
    return replay.applyAsInt(new TenantStats(InstantSource.system(), "premium"));
  }

  /** The replay as StatsHistory did it before Ledger.recentAwards: pages of ids, then five queries per decision. */
  private static int replayOneByOne(Ledger ledger, TenantStats stats, int limit) {
    List<String> newestFirst = new ArrayList<>();
    Page<DecisionSummary> page = ledger.decisions(DecisionQuery.all().page(0, Math.min(500, limit)));
    page.items().forEach(d -> newestFirst.add(d.id()));
    while (page.hasMore() && newestFirst.size() < limit) {
      page = ledger.decisions(DecisionQuery.all().page(page.nextOffset(), Math.min(500, limit - newestFirst.size())));
      page.items().forEach(d -> newestFirst.add(d.id()));
    }
    int replayed = 0;
    for (String id : newestFirst.reversed()) {
      var award = ledger.award(id);
      if (award.isPresent()) {
        stats.recorded(award.get());
        replayed++;
      }
    }
    return replayed;
  }

  /** Awards as the server records them: five bidders, every award executed with its output, most with feedback. */
  private static void fill(Store store, int decisions) {
    try (Exchange exchange = Exchange.builder().seed(11).utility(Utility.of(100, 0))
        .listener(LedgerRecorder.of(store))
        .bidder(new ScriptedBidder("cheap", 0.9, 0.001, 10, "a"))
        .bidder(new ScriptedBidder("mid", 0.92, 0.004, 40, "b"))
        .bidder(new ScriptedBidder("premium", 0.95, 0.02, 100, "c"))
        .bidder(new ScriptedBidder("slow", 0.93, 0.003, 900, "d"))
        .bidder(new ScriptedBidder("local", 0.85, 0.0, 30, "e"))
        .build()) {
      for (int i = 0; i < decisions; i++) {
        Execution e = exchange.execute(Microtask.builder("doc.kind").tenant("tenant-" + i % 4).build());
        store.record(new OutputEntry(e.decision().id(), "{\"label\": \"" + e.servedBy() + "\"}", Instant.now()));
        if (i % 4 != 3) {
          exchange.feedback(e.decision().id(), i % 2 == 0 ? Feedback.accepted() : Feedback.rejected());
        }
      }
    }
    store.flush().join();
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double fastest(long[] nanos) {
    return Arrays.stream(nanos).min().orElseThrow() / 1e6;
  }
}
