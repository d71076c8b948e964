/**
 * The exchange's own speed: one award (bid collection, estimation, scoring, decision) with 2, 10 and 100 in-process
 * bidders, measured with JMH. Entry point: {@link dev.atomic.bench.exchange.ExchangeBenchmark}.
 */
package dev.atomic.bench.exchange;
