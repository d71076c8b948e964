/**
 * The cost of the typed-function layer over a direct exchange call, with the same in-process bidder, measured with
 * JMH. Entry point: {@link dev.atomic.bench.functions.FunctionsBenchmark}.
 */
package dev.atomic.bench.functions;
