package dev.atomic.temporal;

import java.util.Map;
import java.util.Objects;

/**
 * What starts a pipeline workflow: which pipeline (registered on the workers by name), on what request, for whom.
 *
 * @param pipeline the pipeline's name
 * @param requestJson the request as JSON
 * @param tenant who the run pays as
 * @param context the starting observer's {@link dev.atomic.engine.RunObserver.RunWatch#context()}, handed to every
 *     call's observer on the workers; empty when absent (as in a workflow started before it existed)
 */
public record RunInput(String pipeline, String requestJson, String tenant, Map<String, String> context) {

  public RunInput {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(requestJson, "requestJson");
    Objects.requireNonNull(tenant, "tenant");
    context = context == null ? Map.of() : Map.copyOf(context);
  }
}
