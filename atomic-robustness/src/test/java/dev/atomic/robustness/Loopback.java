package dev.atomic.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A client for a server on a loopback port whose every request has a time bound: a request that does not answer in
 * time fails the test (a hang is a bug), as does any 5xx or an error answer not in the API's stable shape.
 */
final class Loopback implements AutoCloseable {

  /** How long any single request may take; generous, since the machine is shared. */
  static final Duration BOUND = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String base;

  Loopback(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response: its status and the body, parsed when it is JSON. */
  record Reply(int status, String body, JsonNode json) {}

  Reply post(String path, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(BOUND)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.build());
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(BOUND).GET().build());
  }

  private Reply send(HttpRequest request) {
    // A connection per request: after some refusals (an oversized body) the server closes the connection without
    // saying so, and a pooled connection would then fail the next, unrelated request.
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(BOUND)
        .build()) {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = JSON.readTree(r.body());
      } catch (IOException notJson) {
        // checked by the caller when JSON was due
      }
      return new Reply(r.statusCode(), r.body(), json);
    } catch (HttpTimeoutException e) {
      return fail("%s %s did not answer within %s: the server hangs on this input", request.method(), request.uri(),
          BOUND);
    } catch (IOException e) {
      return fail("%s %s failed at the connection: %s", request.method(), request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /** The answer is a 2xx, or a 4xx in the shape {@code {"error": {"status", "code", "message"}}}; never a 5xx. */
  static void assertWellBehaved(Reply r, String request) {
    assertThat(r.status()).as("status for %s; body %s", request, r.body()).isBetween(200, 499);
    if (r.status() >= 400) {
      assertThat(r.json()).as("a JSON error body for %s, was %s", request, r.body()).isNotNull();
      JsonNode error = r.json().path("error");
      assertThat(error.path("status").asInt()).as("error.status of %s", r.body()).isEqualTo(r.status());
      assertThat(error.path("code").asText()).as("error.code of %s", r.body()).matches("[a-z][a-z0-9_]*");
      assertThat(error.path("message").asText()).as("error.message of %s", r.body()).isNotBlank();
    }
  }

  @Override
  public void close() {
    // nothing pooled
  }
}
