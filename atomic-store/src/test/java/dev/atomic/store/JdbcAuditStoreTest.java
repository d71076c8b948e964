package dev.atomic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.governance.audit.AuditEntry;
import dev.atomic.governance.audit.AuditEvent;
import dev.atomic.governance.audit.AuditLog;
import dev.atomic.governance.audit.AuditType;
import dev.atomic.governance.audit.AuditVerifier;
import dev.atomic.governance.audit.AuditVerifier.Broken;
import dev.atomic.governance.audit.AuditVerifier.Intact;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcAuditStoreTest extends StoreFixture {

  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-26T01:00:00.123456Z"));

  private List<AuditEntry> appendFive() {
    AuditLog log = AuditLog.chained(store.audit(), CLOCK);
    for (int i = 1; i <= 5; i++) {
      log.append(new AuditEvent(i % 2 == 0 ? "acme" : "globex", AuditType.AWARD, "exchange",
          Map.of("decision", "d-" + i, "winner", "model-" + i, "note", "ünïcode, \"quotes\" and 'more'")));
    }
    return log.read(1, Long.MAX_VALUE);
  }

  private Broken brokenAfterTampering(String... statements) throws Exception {
    appendFive();
    database.execute(statements);
    var verification = AuditVerifier.verify(store.audit().read(1, Long.MAX_VALUE));
    assertThat(verification).isInstanceOf(Broken.class);
    return (Broken) verification;
  }

  @Test
  void append_readBack_equalsWhatWasAppendedAndVerifies() {
    List<AuditEntry> appended = appendFive();

    assertThat(store.audit().read(1, 100)).containsExactlyElementsOf(appended);
    assertThat(store.audit().read(2, 4)).extracting(AuditEntry::sequence).containsExactly(2L, 3L);
    assertThat(store.audit().last()).contains(appended.getLast());
    assertThat(AuditVerifier.verify(appended))
        .isEqualTo(new Intact(5, appended.getLast().hash()));
  }

  @Test
  void last_emptyStore_isEmpty() {
    assertThat(store.audit().last()).isEmpty();
    assertThat(store.audit().read(1, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void append_afterReopening_continuesTheChain() {
    appendFive();
    store.close();
    store = database.open();

    AuditLog.chained(store.audit(), CLOCK).append(AuditEvent.admin("acme", "ops", "key.added", Map.of()));

    List<AuditEntry> all = store.audit().read(1, Long.MAX_VALUE);
    assertThat(all).hasSize(6);
    assertThat(AuditVerifier.verify(all).intact()).isTrue();
  }

  @Test
  void append_sequenceTakenByAnotherWriter_failsInsteadOfForking() {
    List<AuditEntry> appended = appendFive();
    AuditEntry third = appended.get(2);
    AuditEntry fork = new AuditEntry(3, third.time(), "acme", AuditType.ADMIN, "intruder", Map.of(),
        third.previousHash(), "f".repeat(64));

    assertThatThrownBy(() -> store.audit().append(fork))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("could not append audit entry 3");
    assertThat(store.audit().read(1, Long.MAX_VALUE)).containsExactlyElementsOf(appended);
  }

  @Test
  void verify_updatedField_reportsThatEntry() throws Exception {
    Broken broken = brokenAfterTampering("UPDATE audit_entry SET tenant = 'initech' WHERE sequence = 3");

    assertThat(broken.sequence()).isEqualTo(3);
    assertThat(broken.problem()).contains("entry 3 was altered");
  }

  @Test
  void verify_updatedDetails_reportsThatEntry() throws Exception {
    Broken broken = brokenAfterTampering(
        "UPDATE audit_entry SET details = '{\"decision\":\"d-4\",\"winner\":\"cheaper\"}' WHERE sequence = 4");

    assertThat(broken.sequence()).isEqualTo(4);
    assertThat(broken.problem()).contains("entry 4 was altered");
  }

  @Test
  void verify_deletedRow_reportsItMissing() throws Exception {
    Broken broken = brokenAfterTampering("DELETE FROM audit_entry WHERE sequence = 2");

    assertThat(broken).isEqualTo(new Broken(2, "entry 2 is missing: sequence 3 follows 1"));
  }

  @Test
  void verify_rowsSwapped_reportsTheFirstOfThem() throws Exception {
    // Swap the contents of rows 2 and 4 and keep their sequence numbers, as a careful forger would.
    Broken broken = brokenAfterTampering(
        "UPDATE audit_entry SET sequence = -2 WHERE sequence = 2",
        "UPDATE audit_entry SET sequence = 2 WHERE sequence = 4",
        "UPDATE audit_entry SET sequence = 4 WHERE sequence = -2");

    assertThat(broken.sequence()).isEqualTo(2);
    assertThat(broken.problem()).contains("entry 2 was altered");
  }

  @Test
  void verify_rowRehashedByTheForger_reportsTheBrokenLinkAfterIt() throws Exception {
    List<AuditEntry> appended = appendFive();
    AuditEntry second = appended.get(1);
    // A forger who recomputes row 2's hash still breaks the link of row 3, which names the old hash.
    AuditEntry forged = AuditLog.inMemory(CLOCK).append(new AuditEvent("acme", AuditType.AWARD, "exchange",
        Map.of("decision", "d-1", "winner", "model-1", "note", "x")));
    database.execute("DELETE FROM audit_entry WHERE sequence = 1",
        "INSERT INTO audit_entry (sequence, at_epoch_ms, tenant, type, actor, details, previous_hash, hash) VALUES "
            + "(1, " + forged.time().toEpochMilli() + ", 'acme', 'AWARD', 'exchange', "
            + "'{\"decision\":\"d-1\",\"note\":\"x\",\"winner\":\"model-1\"}', '" + AuditEntry.GENESIS + "', '"
            + forged.hash() + "')");

    var verification = AuditVerifier.verify(store.audit().read(1, Long.MAX_VALUE));

    assertThat(verification).isEqualTo(new Broken(2, "entry 2 does not link to its predecessor: it names previous "
        + "hash " + second.previousHash() + " but entry 1 has hash " + forged.hash()));
  }
}
