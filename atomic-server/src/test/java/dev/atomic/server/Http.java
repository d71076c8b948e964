package dev.atomic.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client over {@link HttpClient} for tests that talk to a real server. */
public final class Http {

  /** A response: its status, body text, and the body parsed as JSON (null when it is not JSON). */
  public record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
    public String errorCode() {
      return json == null ? null : json.path("error").path("code").asText(null);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String key;

  /** A client that sends no API key. */
  public Http(int port) {
    this(port, null);
  }

  /** A client that sends {@code Authorization: Bearer <key>} with every request. */
  public Http(int port, String key) {
    this.base = "http://127.0.0.1:" + port;
    this.key = key;
  }

  public String base() {
    return base;
  }

  public HttpClient client() {
    return client;
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply post(String path, String json) {
    return post(path, "application/json", json);
  }

  public Reply post(String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      if (key != null) {
        request.setHeader("Authorization", "Bearer " + key);
      }
      HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = JSON.readTree(r.body());
      } catch (IOException notJson) {
        // plain text, such as /metrics
      }
      return new Reply(r.statusCode(), r.body(), json, r);
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
