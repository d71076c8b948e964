/** {@code ./atomic bench governance}: the entry point is {@link dev.atomic.bench.governance.GovernanceBenchmark}. */
package dev.atomic.bench.governance;
