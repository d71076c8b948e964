package dev.atomic.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A pipeline run as a Temporal workflow: every microtask an activity, every award in the workflow's history. */
@WorkflowInterface
public interface PipelineWorkflow {

  /** Runs the pipeline; fails with type {@code AtomicRunFailed} (details: a {@link RunRecord}) when the run fails. */
  @WorkflowMethod(name = "AtomicPipeline")
  RunRecord run(RunInput input);
}
