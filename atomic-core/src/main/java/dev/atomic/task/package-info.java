/**
 * What the exchange trades: a {@link dev.atomic.task.Microtask}, built with {@link dev.atomic.task.Microtask#builder},
 * with its hard {@link dev.atomic.task.Constraints} and optional context {@link dev.atomic.task.Features}.
 */
package dev.atomic.task;
