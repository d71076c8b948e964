package dev.atomic.temporal;

import java.util.Objects;

/**
 * What starts a pipeline workflow: which pipeline (registered on the workers by name), on what request, for whom.
 *
 * @param pipeline the pipeline's name
 * @param requestJson the request as JSON
 * @param tenant who the run pays as
 */
public record RunInput(String pipeline, String requestJson, String tenant) {

  public RunInput {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(requestJson, "requestJson");
    Objects.requireNonNull(tenant, "tenant");
  }
}
