/**
 * {@code ./atomic bench pipeline}: the e-mail triage pipeline on local models, on the embedded and the Temporal engine,
 * and the embedded engine's own cost per run and per call. Start at
 * {@link dev.atomic.bench.pipeline.PipelineBenchmark}.
 */
package dev.atomic.bench.pipeline;
