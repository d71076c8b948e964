package dev.atomic.governance.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * The chain's arithmetic: the canonical serialisation of an entry and its hash.
 *
 * <p>Canonical form: each field as {@code <utf8-length>:<value>}, in the order sequence, epoch milliseconds, tenant,
 * type, actor, detail count, each detail key and value (sorted by key), previous hash. Length prefixes make it
 * unambiguous whatever characters the values hold, and it depends on no JSON library's formatting.
 */
final class AuditChain {

  private AuditChain() {}

  /** The entry that follows {@code previous} (or starts the chain when it is null). */
  static AuditEntry next(AuditEntry previous, AuditEvent event, Instant now) {
    long sequence = previous == null ? 1 : previous.sequence() + 1;
    String previousHash = previous == null ? AuditEntry.GENESIS : previous.hash();
    Instant time = now.truncatedTo(ChronoUnit.MILLIS);
    String hash = hash(sequence, time, event.tenant(), event.type(), event.actor(), event.details(), previousHash);
    return new AuditEntry(sequence, time, event.tenant(), event.type(), event.actor(), event.details(), previousHash,
        hash);
  }

  /** The hash an entry should carry, recomputed from its content. */
  static String hashOf(AuditEntry e) {
    return hash(e.sequence(), e.time(), e.tenant(), e.type(), e.actor(), e.details(), e.previousHash());
  }

  static String canonical(long sequence, Instant time, String tenant, AuditType type, String actor,
      Map<String, String> sortedDetails, String previousHash) {
    StringBuilder out = new StringBuilder(256);
    field(out, Long.toString(sequence));
    field(out, Long.toString(time.toEpochMilli()));
    field(out, tenant);
    field(out, type.name());
    field(out, actor);
    field(out, Integer.toString(sortedDetails.size()));
    sortedDetails.forEach((k, v) -> {
      field(out, k);
      field(out, v);
    });
    field(out, previousHash);
    return out.toString();
  }

  private static String hash(long sequence, Instant time, String tenant, AuditType type, String actor,
      Map<String, String> details, String previousHash) {
    String canonical = canonical(sequence, time, tenant, type, actor, details, previousHash);
    return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  private static void field(StringBuilder out, String value) {
    out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }
}
