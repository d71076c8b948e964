package dev.atomic.server;

import dev.atomic.server.api.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a path with invalid UTF-8 or a NUL byte, a malformed request
 * line), in the API's error shape {@code {"error": {"status", "code", "message"}}} instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    int status = code >= 400 && code <= 599 ? code : 500;
    answer(response, status, message == null || message.isBlank() ? "HTTP " + status : message, callback);
  }

  /** Answers in the API's error shape, for a refusal made before any route runs. */
  static void answer(Response response, int status, String message, Callback callback) {
    String body = Json.write(Map.of("error", Map.of("status", status, "code", "http_" + status, "message", message)));
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
