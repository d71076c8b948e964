package dev.atomic.governance.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One link of the audit chain. Its {@code hash} is the SHA-256 of the canonical serialisation of every other field,
 * {@code previousHash} included, so changing, removing or reordering entries breaks the chain where it happened.
 *
 * @param sequence 1 for the first entry, then one more for each
 * @param time when it was appended, to the millisecond (so any store keeps it exactly)
 * @param tenant whose data or budget it concerns
 * @param type what kind of event
 * @param actor who did it
 * @param details the facts, sorted by key
 * @param previousHash the previous entry's hash, or 64 zeros for the first
 * @param hash this entry's hash, lower-case hex
 */
public record AuditEntry(
    long sequence,
    Instant time,
    String tenant,
    AuditType type,
    String actor,
    Map<String, String> details,
    String previousHash,
    String hash) {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  public AuditEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("audit sequence must be >= 1, was " + sequence);
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    details = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(details, "details")));
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** The event this entry records. */
  public AuditEvent event() {
    return new AuditEvent(tenant, type, actor, details);
  }
}
