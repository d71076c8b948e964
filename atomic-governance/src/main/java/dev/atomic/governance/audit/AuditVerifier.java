package dev.atomic.governance.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Recomputes an audit chain and reports the first broken link: a missing entry, entries out of order, an entry whose
 * content no longer matches its hash, or an entry that does not point at its predecessor's hash.
 */
public final class AuditVerifier {

  private AuditVerifier() {}

  /** The outcome of a verification. */
  public sealed interface Verification {
    boolean intact();
  }

  /** Every entry checked out. */
  public record Intact(long entries, String headHash) implements Verification {
    @Override
    public boolean intact() {
      return true;
    }
  }

  /**
   * The first broken link.
   *
   * @param sequence the sequence number where the chain breaks
   * @param problem what differs, for a person to read
   */
  public record Broken(long sequence, String problem) implements Verification {
    @Override
    public boolean intact() {
      return false;
    }
  }

  /** Verifies a whole chain, which must start at sequence 1. */
  public static Verification verify(List<AuditEntry> entries) {
    return verify(entries, 1, AuditEntry.GENESIS);
  }

  /**
   * Verifies a slice of a chain that starts at {@code firstSequence} and follows an entry whose hash is
   * {@code anchorHash} (kept from an earlier verification), so a long chain can be checked in parts.
   */
  public static Verification verify(List<AuditEntry> entries, long firstSequence, String anchorHash) {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(anchorHash, "anchorHash");
    long expected = firstSequence;
    String previousHash = anchorHash;
    Set<Long> sequences = new HashSet<>();
    entries.forEach(e -> sequences.add(e.sequence()));
    for (AuditEntry entry : entries) {
      if (entry.sequence() != expected) {
        String problem = sequences.contains(expected)
            ? "entries are out of order: expected sequence " + expected + " here, found " + entry.sequence()
            : "entry " + expected + " is missing: sequence " + entry.sequence() + " follows " + (expected - 1);
        return new Broken(expected, problem);
      }
      String recomputed = AuditChain.hashOf(entry);
      if (!recomputed.equals(entry.hash())) {
        return new Broken(expected, "entry " + expected + " was altered: its content hashes to " + recomputed
            + " but it carries " + entry.hash());
      }
      if (!entry.previousHash().equals(previousHash)) {
        return new Broken(expected, "entry " + expected + " does not link to its predecessor: it names previous hash "
            + entry.previousHash() + " but entry " + (expected - 1) + " has hash " + previousHash);
      }
      previousHash = entry.hash();
      expected++;
    }
    return new Intact(entries.size(), previousHash);
  }
}
