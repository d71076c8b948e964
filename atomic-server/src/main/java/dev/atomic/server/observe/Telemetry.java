package dev.atomic.server.observe;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The service's OpenTelemetry: a no-op unless an OTLP endpoint is configured (tracing is off by default), or an SDK
 * that batches spans to the given exporter (tests pass an in-memory one). Close it to flush.
 */
public final class Telemetry implements AutoCloseable {

  private final OpenTelemetry openTelemetry;
  private final SdkTracerProvider provider;

  private Telemetry(OpenTelemetry openTelemetry, SdkTracerProvider provider) {
    this.openTelemetry = openTelemetry;
    this.provider = provider;
  }

  /** No tracing at all. */
  public static Telemetry off() {
    return new Telemetry(OpenTelemetry.noop(), null);
  }

  /** Exports spans over OTLP/HTTP to {@code endpoint} (such as {@code http://collector:4318/v1/traces}). */
  public static Telemetry otlp(URI endpoint, Map<String, String> headers, String serviceName) {
    OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString());
    headers.forEach(exporter::addHeader);
    return exportingTo(exporter.build(), serviceName);
  }

  /** Sends spans to the given exporter in batches. */
  public static Telemetry exportingTo(SpanExporter exporter, String serviceName) {
    Objects.requireNonNull(exporter, "exporter");
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
        .build();
    return new Telemetry(OpenTelemetrySdk.builder().setTracerProvider(provider).build(), provider);
  }

  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** Whether spans go anywhere; when not, the service skips building them. */
  public boolean tracing() {
    return provider != null;
  }

  /** Exports every span ended so far; returns when done or after 10 s. */
  public void flush() {
    if (provider != null) {
      provider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() {
    if (provider != null) {
      provider.close();
    }
  }
}
