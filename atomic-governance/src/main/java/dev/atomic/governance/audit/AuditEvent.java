package dev.atomic.governance.audit;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What happened, before the log gives it a sequence number, a time and its place in the chain.
 *
 * @param tenant whose data or budget it concerns
 * @param type what kind of event
 * @param actor who did it: {@code exchange}, a bidder id, an operator's name
 * @param details the facts, as sorted key-value pairs (bidder, data classes, rule, cost...)
 */
public record AuditEvent(String tenant, AuditType type, String actor, Map<String, String> details) {

  public AuditEvent {
    requireText(tenant, "tenant");
    Objects.requireNonNull(type, "type");
    requireText(actor, "actor");
    TreeMap<String, String> sorted = new TreeMap<>();
    Objects.requireNonNull(details, "details").forEach((k, v) -> {
      requireText(k, "detail key");
      sorted.put(k, Objects.requireNonNull(v, () -> "value of detail '" + k + "'"));
    });
    details = Collections.unmodifiableSortedMap(sorted);
  }

  /** An operator's action, such as replacing a policy. */
  public static AuditEvent admin(String tenant, String operator, String action, Map<String, String> details) {
    TreeMap<String, String> all = new TreeMap<>(details);
    all.put("action", action);
    return new AuditEvent(tenant, AuditType.ADMIN, operator, all);
  }

  static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, was '" + value + "'");
    }
    return value;
  }
}
