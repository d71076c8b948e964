/**
 * The adaptation benchmark, {@link dev.atomic.bench.adaptation.AdaptationBenchmark}: local heads learning online to
 * take over traffic from a replayed premium stand-in, through the real exchange.
 */
package dev.atomic.bench.adaptation;
