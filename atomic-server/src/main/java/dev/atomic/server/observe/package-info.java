/**
 * What the service shows operators about the exchange: {@link dev.atomic.server.observe.ExchangeMetrics} (Prometheus),
 * {@link dev.atomic.server.observe.ExchangeTracing} (OpenTelemetry spans with GenAI attributes) and
 * {@link dev.atomic.server.observe.LiveStats} (the dashboard's figures). Each is an
 * {@link dev.atomic.exchange.ExchangeListener}; {@link dev.atomic.server.observe.RunTracing} is the engine's observer,
 * tracing pipeline runs and their steps; {@link dev.atomic.server.observe.Telemetry} sets up the trace export.
 */
package dev.atomic.server.observe;
