/**
 * {@code ./atomic bench pipeline}: what the embedded engine itself costs per run and per call. Start at
 * {@link dev.atomic.bench.pipeline.PipelineBenchmark}.
 */
package dev.atomic.bench.pipeline;
