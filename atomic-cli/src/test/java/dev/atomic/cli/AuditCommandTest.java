package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.governance.audit.AuditEntry;
import dev.atomic.governance.audit.AuditEvent;
import dev.atomic.governance.audit.AuditLog;
import dev.atomic.governance.audit.AuditType;
import dev.atomic.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {

  @TempDir
  Path dir;

  private String verify(int expectedExit, Map<String, String> environment, String... args) {
    AuditCommand.Verify verify = new AuditCommand.Verify();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    verify.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    verify.err = verify.out;
    verify.environment = environment;
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine audit = new CommandLine(new AuditCommand(), new CommandLine.IFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <K> K create(Class<K> type) throws Exception {
        return type == AuditCommand.Verify.class ? (K) verify : defaults.create(type);
      }
    });
    int exit = audit.execute(concat("verify", args));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(expectedExit);
    return text;
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private List<AuditEntry> ledgerWithEntries(Path db, int count) {
    try (Store store = Store.open(c -> c.sqlite(db))) {
      AuditLog log = AuditLog.chained(store.audit(), InstantSource.fixed(Instant.parse("2026-11-26T02:00:00Z")));
      for (int i = 1; i <= count; i++) {
        log.append(new AuditEvent("acme", AuditType.AWARD, "exchange", Map.of("decision", "d-" + i)));
      }
      return log.read(1, Long.MAX_VALUE);
    }
  }

  private void sql(Path db, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
      c.createStatement().execute(statement);
    }
  }

  @Test
  void verify_intactChain_reportsOkWithTheCount() {
    Path db = dir.resolve("atomic.db");
    List<AuditEntry> entries = ledgerWithEntries(db, 7);

    assertThat(verify(0, Map.of(), "--db", db.toString()))
        .contains("audit chain OK: 7 entries, head hash " + entries.getLast().hash());
  }

  @Test
  void verify_ledgerNamedByTheEnvironment_isTheOneRead() {
    Path db = dir.resolve("from-env.db");
    ledgerWithEntries(db, 2);

    assertThat(verify(0, Map.of("ATOMIC_DB_URL", db.toString()))).contains("audit chain OK: 2 entries");
  }

  @Test
  void verify_alteredRow_namesTheFirstBrokenLinkAndFails() throws Exception {
    Path db = dir.resolve("atomic.db");
    ledgerWithEntries(db, 5);
    sql(db, "UPDATE audit_entry SET actor = 'someone-else' WHERE sequence = 4");
    sql(db, "DELETE FROM audit_entry WHERE sequence = 5");

    assertThat(verify(1, Map.of(), "--db", db.toString()))
        .contains("audit chain BROKEN at entry 4: entry 4 was altered");
  }

  @Test
  void verify_entriesDeletedBeyondAPage_areFoundMissing() throws Exception {
    Path db = dir.resolve("atomic.db");
    ledgerWithEntries(db, 3);
    // Move the last entry far beyond the first page, as if a page's worth of entries had been deleted.
    sql(db, "UPDATE audit_entry SET sequence = " + (AuditCommand.Verify.PAGE + 10) + " WHERE sequence = 3");

    assertThat(verify(1, Map.of(), "--db", db.toString()))
        .contains("audit chain BROKEN at entry 3: entry 3 is missing");
  }

  @Test
  void verify_emptyChain_isOk() {
    Path db = dir.resolve("atomic.db");
    ledgerWithEntries(db, 0);

    assertThat(verify(0, Map.of(), "--db", db.toString())).contains("audit chain OK: 0 entries");
  }

  @Test
  void verify_noLedger_isAClearErrorAndCreatesNothing() {
    Path db = dir.resolve("absent.db");

    assertThat(verify(2, Map.of(), "--db", db.toString())).contains("no ledger at " + db.toAbsolutePath());
    assertThat(db).doesNotExist();
  }

  @Test
  void verify_isRegisteredUnderTheRootCommand() {
    CommandLine root = new CommandLine(new AtomicCommand());

    assertThat(root.getSubcommands().get("audit").getSubcommands()).containsKey("verify");
  }
}
