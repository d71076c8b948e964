package dev.atomic.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.governance.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {

  private final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
  private final AuditLog log = AuditLog.inMemory(clock);
  private List<AuditEntry> entries;

  @BeforeEach
  void fillLog() {
    for (int i = 1; i <= 6; i++) {
      log.append(new AuditEvent("acme", i % 2 == 0 ? AuditType.MODEL_CALL : AuditType.AWARD, "exchange",
          Map.of("bidder", "b" + i, "dataClasses", "pii.email")));
      clock.advance(Duration.ofMillis(1500));
    }
    entries = new ArrayList<>(log.read(1, Long.MAX_VALUE));
  }

  private static AuditEntry with(AuditEntry e, String tenant, Map<String, String> details) {
    return new AuditEntry(e.sequence(), e.time(), tenant, e.type(), e.actor(), details, e.previousHash(), e.hash());
  }

  @Test
  void verify_untouchedChain_isIntact() {
    AuditVerifier.Verification result = AuditVerifier.verify(entries);
    assertThat(result).isEqualTo(new AuditVerifier.Intact(6, entries.getLast().hash()));
    assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(entries.getFirst().previousHash()).isEqualTo(AuditEntry.GENESIS);
    assertThat(entries.get(1).previousHash()).isEqualTo(entries.getFirst().hash());
  }

  @Test
  void verify_changedField_reportsThatEntryAsAltered() {
    entries.set(2, with(entries.get(2), "other-tenant", entries.get(2).details()));

    AuditVerifier.Verification result = AuditVerifier.verify(entries);

    assertThat(result).isInstanceOfSatisfying(AuditVerifier.Broken.class, broken -> {
      assertThat(broken.sequence()).isEqualTo(3);
      assertThat(broken.problem()).startsWith("entry 3 was altered").contains(entries.get(2).hash());
    });
  }

  @Test
  void verify_changedDetail_reportsThatEntry() {
    Map<String, String> details = new TreeMap<>(entries.get(4).details());
    details.put("bidder", "someone-else");
    entries.set(4, with(entries.get(4), "acme", details));

    assertThat(AuditVerifier.verify(entries)).isEqualTo(new AuditVerifier.Broken(5,
        "entry 5 was altered: its content hashes to " + AuditChain.hashOf(entries.get(4)) + " but it carries "
            + entries.get(4).hash()));
  }

  @Test
  void verify_changedFieldWithRecomputedHash_breaksTheNextLink() {
    AuditEntry e = entries.get(1);
    AuditEntry forged = AuditChain.next(entries.get(0),
        new AuditEvent("acme", e.type(), e.actor(), Map.of("bidder", "forged")), e.time());
    entries.set(1, forged);

    AuditVerifier.Verification result = AuditVerifier.verify(entries);

    assertThat(result).isInstanceOfSatisfying(AuditVerifier.Broken.class, broken -> {
      assertThat(broken.sequence()).isEqualTo(3);
      assertThat(broken.problem()).isEqualTo("entry 3 does not link to its predecessor: it names previous hash "
          + e.hash() + " but entry 2 has hash " + forged.hash());
    });
  }

  @Test
  void verify_deletedEntry_reportsItMissing() {
    entries.remove(3);

    assertThat(AuditVerifier.verify(entries))
        .isEqualTo(new AuditVerifier.Broken(4, "entry 4 is missing: sequence 5 follows 3"));
  }

  @Test
  void verify_deletedLastEntry_isUndetectableWithoutAnAnchor_butTheHeadHashChanges() {
    String head = ((AuditVerifier.Intact) AuditVerifier.verify(entries)).headHash();
    entries.removeLast();
    // Truncation at the end leaves a valid shorter chain; keeping the head hash elsewhere is what exposes it.
    assertThat(AuditVerifier.verify(entries)).isInstanceOfSatisfying(AuditVerifier.Intact.class,
        intact -> assertThat(intact.headHash()).isNotEqualTo(head));
  }

  @Test
  void verify_twoEntriesSwapped_reportsOutOfOrder() {
    AuditEntry third = entries.get(2);
    entries.set(2, entries.get(3));
    entries.set(3, third);

    assertThat(AuditVerifier.verify(entries))
        .isEqualTo(new AuditVerifier.Broken(3, "entries are out of order: expected sequence 3 here, found 4"));
  }

  @Test
  void verify_sliceFromAnAnchor_checksOnlyThatPart() {
    List<AuditEntry> tail = log.read(4, 7);
    assertThat(AuditVerifier.verify(tail, 4, entries.get(2).hash()).intact()).isTrue();
    assertThat(AuditVerifier.verify(tail, 4, entries.get(1).hash()))
        .isInstanceOfSatisfying(AuditVerifier.Broken.class, b -> assertThat(b.sequence()).isEqualTo(4));
  }

  @Test
  void append_timesAreKeptToTheMillisecond() {
    clock.advance(Duration.ofNanos(123_456_789));
    AuditEntry entry = log.append(AuditEvent.admin("acme", "alice", "policy.replace", Map.of("rules", "3")));
    assertThat(entry.time().getNano() % 1_000_000).isZero();
    assertThat(entry.details()).containsEntry("action", "policy.replace");
    assertThat(entry.type()).isEqualTo(AuditType.ADMIN);
    assertThat(AuditVerifier.verify(log.read(1, 100)).intact()).isTrue();
  }

  @Test
  void canonical_isUnambiguousWhateverTheValuesContain() {
    var time = clock.instant();
    String a = AuditChain.canonical(1, time, "a:b", AuditType.AWARD, "x", new TreeMap<>(Map.of("k", "v")), "0");
    String b = AuditChain.canonical(1, time, "a", AuditType.AWARD, "b:x", new TreeMap<>(Map.of("k", "v")), "0");
    assertThat(a).isNotEqualTo(b);
  }
}
