package dev.atomic.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.atomic.task.Microtask;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Spans leave over OTLP/HTTP, with the configured headers, to a collector stand-in on a random port. */
class TelemetryTest {

  record Received(String path, String contentType, String apiKey, int bytes) {}

  @Test
  void otlp_exportsSpansWithTheConfiguredHeaders() throws Exception {
    CompletableFuture<Received> received = new CompletableFuture<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/v1/traces", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.complete(new Received(exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("api-key"),
          body.length));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try (Telemetry telemetry = Telemetry.otlp(
        URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces"),
        Map.of("api-key", "collector-key"), "atomic-test")) {
      ExchangeTracing tracing = new ExchangeTracing(telemetry, InstantSource.system());
      tracing.traced(Microtask.builder("email.spam").build(), () -> "served");
      telemetry.flush();
      Received r = received.get(10, TimeUnit.SECONDS);
      assertThat(r.path()).isEqualTo("/v1/traces");
      assertThat(r.contentType()).isEqualTo("application/x-protobuf");
      assertThat(r.apiKey()).isEqualTo("collector-key");
      assertThat(r.bytes()).isPositive();
    } finally {
      collector.stop(0);
    }
  }
}
