/**
 * {@code ./atomic bench structured}: the cost of turning model output into a typed value (parse, repair, validate,
 * bind) for valid and malformed 1 KB outputs, the corpus recovery rate, and how parse time scales with size. The entry
 * point is {@link dev.atomic.bench.structured.StructuredBenchmark}.
 */
package dev.atomic.bench.structured;
