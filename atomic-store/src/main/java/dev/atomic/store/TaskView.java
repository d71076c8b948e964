package dev.atomic.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A microtask as the ledger recorded it when it was first auctioned.
 *
 * @param id the microtask's id
 * @param kind its kind
 * @param tenant its tenant
 * @param runId the run it was a step of, or {@code null}
 * @param stepId that step, or {@code null}
 * @param inputJson its input as JSON, or {@code null} when it had none
 * @param createdAt when it was recorded
 */
public record TaskView(String id, String kind, String tenant, String runId, String stepId, String inputJson,
    Instant createdAt) {

  public TaskView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
