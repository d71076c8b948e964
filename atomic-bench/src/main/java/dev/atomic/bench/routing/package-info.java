/**
 * The routing benchmark: 11 real LLMs' recorded RouterBench answers replayed as bidders through the production exchange,
 * against RouterBench's baselines. Start at {@link dev.atomic.bench.routing.RoutingBenchmark}.
 */
package dev.atomic.bench.routing;
