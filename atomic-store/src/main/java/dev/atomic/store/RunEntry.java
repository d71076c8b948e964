package dev.atomic.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A run of a pipeline, or a change of its status; the first entry for an id creates the run, later ones update its
 * status.
 *
 * @param id the run id
 * @param requestId the request it serves, or {@code null}
 * @param pipeline the pipeline's name
 * @param tenant who asked
 * @param status a free status word such as {@code running}, {@code succeeded}, {@code failed}
 * @param at when the run started (first entry) or changed status
 */
public record RunEntry(String id, String requestId, String pipeline, String tenant, String status, Instant at)
    implements LedgerEntry {

  public RunEntry {
    Checks.id("run id", id);
    Checks.optionalId("request id", requestId);
    Checks.id("pipeline", pipeline);
    Checks.id("tenant", tenant);
    Checks.id("run status", status);
    Objects.requireNonNull(at, "at");
  }

  @Override
  public String describe() {
    return "run " + id + " (" + status + ")";
  }
}
