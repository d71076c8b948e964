/** {@code ./atomic bench load}: {@link dev.atomic.bench.load.LoadBenchmark}, 500 concurrent API clients on loopback. */
package dev.atomic.bench.load;
