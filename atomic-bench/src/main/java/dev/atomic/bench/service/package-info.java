/** The {@code service} benchmark: what the HTTP service adds per microtask; entry point {@link dev.atomic.bench.service.ServiceBenchmark}. */
package dev.atomic.bench.service;
