/**
 * Every benchmark of the project. Each implements {@link dev.atomic.bench.Benchmark}, is listed in
 * {@link dev.atomic.bench.Benchmarks}, and runs as {@code ./atomic bench NAME --out DIR}, writing {@code DIR/NAME.json}
 * (figures a program can read) beside {@code DIR/NAME.md} (a readable report).
 */
package dev.atomic.bench;
