/**
 * Atomic pipelines on Temporal: the same pipeline definitions as the embedded engine, each microtask an activity, each
 * award in workflow history. Start at {@link dev.atomic.temporal.TemporalEngine} (client side) and
 * {@link dev.atomic.temporal.TemporalWorker} (worker side).
 */
package dev.atomic.temporal;
