package dev.atomic.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A request as it reached Atomic.
 *
 * @param id the request id
 * @param tenant who asked
 * @param receivedAt when it arrived
 * @param payloadJson the request body as JSON, or {@code null} when it is not kept
 */
public record RequestEntry(String id, String tenant, Instant receivedAt, String payloadJson) implements LedgerEntry {

  public RequestEntry {
    Checks.id("request id", id);
    Checks.id("tenant", tenant);
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (payloadJson != null) {
      Json.requireWellFormed("request " + id + " payload", payloadJson);
    }
  }

  @Override
  public String describe() {
    return "request " + id;
  }
}
