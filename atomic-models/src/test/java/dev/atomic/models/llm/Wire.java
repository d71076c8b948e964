package dev.atomic.models.llm;

import dev.atomic.task.Microtask;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import java.util.concurrent.TimeUnit;

/** Helpers for the wire tests: a loopback server, canned responses and the request it received. */
final class Wire {

  /** A key that must never show up in a message or log line. */
  static final String KEY = "sk-test-0123456789abcdefSECRET";

  private Wire() {}

  static MockWebServer start() {
    MockWebServer server = new MockWebServer();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  static String baseUrl(MockWebServer server, String path) {
    String url = server.url(path).toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse sse(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  static MockResponse ndjson(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/x-ndjson").body(body).build();
  }

  static MockResponse rateLimited(String retryAfterSeconds) {
    return new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", retryAfterSeconds)
        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit\"}}").build();
  }

  /** A response whose headers never come: the server stalls until it is closed. */
  static MockResponse stall() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
  }

  /** A streaming response whose headers come but whose body never does. */
  static MockResponse stallAfterHeaders() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body("data: {}\n\n").onResponseBody(SocketEffect.Stall.INSTANCE).build();
  }

  static RecordedRequest taken(MockWebServer server) {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("the server received no request");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  static Microtask task(Object input) {
    return Microtask.builder("email.spam").id("t-1").input(input).build();
  }
}
