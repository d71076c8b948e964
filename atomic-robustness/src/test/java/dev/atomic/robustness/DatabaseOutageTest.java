package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.store.RunEntry;
import dev.atomic.store.Store;
import dev.atomic.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL becomes unreachable while the ledger is being written, then returns: every write completes one way or
 * the other (none hangs), every acknowledged write is there afterwards, none that failed is half there, and the store
 * takes writes again once the database is back. The database sits behind a {@link TcpProxy} that is cut and restored.
 */
class DatabaseOutageTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String USER = "postgres";

  private String schema;

  @BeforeEach
  void createSchema() throws SQLException {
    // Random on purpose: the name only has to differ between test runs sharing the server; no result depends on it.
    schema = "atomic_outage_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void record_databaseCutAndRestored_acknowledgedWritesSurviveAndWritingResumes() throws Exception {
    try (TcpProxy proxy = new TcpProxy(5432);
        Store store = Store.open(c -> c.postgres("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test", USER, "",
            schema))) {
      Map<String, CompletableFuture<Void>> writes = new LinkedHashMap<>();
      record(store, "before", 50, writes);
      for (var w : List.copyOf(writes.values())) {
        w.get(60, TimeUnit.SECONDS);
      }

      proxy.cut();
      Map<String, CompletableFuture<Void>> during = new LinkedHashMap<>();
      record(store, "during", 50, during);
      writes.putAll(during);
      // The outage lasts until the first write queued during it has an outcome (the pool gives up on connecting).
      CompletableFuture.anyOf(during.values().toArray(CompletableFuture[]::new)).handle((ok, e) -> null)
          .get(120, TimeUnit.SECONDS);
      proxy.restore();

      // Writing resumes once the pool has replaced the connections the outage broke: each of those fails one batch
      // ("This connection has been closed") before the pool evicts it, so write in rounds until one goes through.
      int rounds = 0;
      boolean resumed = false;
      while (!resumed && rounds < 20) {
        Map<String, CompletableFuture<Void>> round = new LinkedHashMap<>();
        record(store, "after" + rounds, 10, round);
        writes.putAll(round);
        resumed = CompletableFuture.allOf(round.values().toArray(CompletableFuture[]::new))
            .handle((ok, e) -> e == null).get(120, TimeUnit.SECONDS);
        rounds++;
      }
      assertThat(resumed).as("the store writes again within 20 rounds after the database returned").isTrue();

      List<String> acknowledged = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (var w : writes.entrySet()) {
        try {
          w.getValue().get(120, TimeUnit.SECONDS); // a write that never completes fails the test here
          acknowledged.add(w.getKey());
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(StoreException.class);
          assertThat(e.getCause().getMessage()).isNotBlank();
          failed.add(w.getKey());

        }
      }
      assertThat(acknowledged).allSatisfy(id -> assertThat(store.ledger().run(id)).as(id).isPresent());
      assertThat(failed).allSatisfy(id -> assertThat(store.ledger().run(id)).as(id).isEmpty());
      System.out.printf("database outage: %d writes acknowledged, %d refused; writing resumed in round %d%n",
          acknowledged.size(), failed.size(), rounds);
    }
  }

  private static void record(Store store, String phase, int count, Map<String, CompletableFuture<Void>> into) {
    for (int i = 0; i < count; i++) {
      String id = phase + "-" + i;
      try {
        into.put(id, store.record(new RunEntry(id, null, "label-twice", "faults", "running", Instant.now())));
      } catch (StoreException refusedAtOnce) {
        into.put(id, CompletableFuture.failedFuture(refusedAtOnce));
      }
    }
  }
}
