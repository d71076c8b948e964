package dev.atomic.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.atomic.store.Store;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading requests and writing answers, the same way in every route: JSON in, JSON out, bad input as {@link ApiError}. */
final class Requests {

  private static final Logger LOG = LoggerFactory.getLogger(Requests.class);

  private final long maxBodyBytes;

  Requests(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The body as a record of the given type; 415 unless JSON, 413 when too large, 400 when malformed. */
  <T> T body(Context ctx, Class<T> type) {
    byte[] bytes = jsonBytes(ctx);
    if (blank(bytes)) {
      throw ApiError.badRequest("malformed_json", "the body is empty; this route takes a JSON object");
    }
    try {
      T value = Json.mapper().readValue(bytes, type); // UTF-8 as it came, no string in between
      if (value == null) {
        throw ApiError.badRequest("malformed_json", "the body is JSON null; this route takes a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("malformed_json", "the body is not valid JSON for this route: "
          + e.getOriginalMessage());
    } catch (IOException e) { // reading an array in memory: only ever a parse fault, reported as one
      throw ApiError.badRequest("malformed_json", "the body could not be read as JSON: " + e.getMessage());
    }
  }

  /** The body's text, after the content type and size checks. */
  String jsonText(Context ctx) {
    return new String(jsonBytes(ctx), StandardCharsets.UTF_8);
  }

  private byte[] jsonBytes(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "unsupported_media_type",
          "this route takes 'application/json', was '" + (type == null ? "none" : type) + "'");
    }
    long length = ctx.contentLength();
    if (length > maxBodyBytes) {
      throw new ApiError(413, "body_too_large",
          "the body has " + length + " bytes; the server accepts at most " + maxBodyBytes);
    }
    return ctx.bodyAsBytes();
  }

  private static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Whether the caller asked to be answered at once ({@code ?async=true} or {@code Prefer: respond-async}). */
  static boolean wantsAsync(Context ctx) {
    return "true".equalsIgnoreCase(ctx.queryParam("async"))
        || String.valueOf(ctx.header("Prefer")).contains("respond-async");
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.writeBytes(body));
  }

  /**
   * Reads from the ledger; when nothing is found, waits for the writer to commit what is queued and looks once more,
   * so that something recorded a moment ago is found although its write was acknowledged asynchronously.
   */
  static <T> Optional<T> fromLedger(Store store, Supplier<Optional<T>> read) {
    Optional<T> found = read.get();
    if (found.isPresent()) {
      return found;
    }
    caughtUp(store);
    return read.get();
  }

  /**
   * Waits until the ledger holds every write queued so far, so that a query sees every decision answered before it
   * was asked for (ledger writes are batched off the request path).
   */
  static void caughtUp(Store store) {
    try {
      store.flush().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(503, "interrupted", "interrupted while waiting for the ledger");
    } catch (Exception e) {
      LOG.warn("ledger flush failed before a query: {}", e.getMessage());
    }
  }

  static Instant instant(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, "
          + "was '" + v + "'");
    }
  }

  static int integer(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be an integer, was '" + v + "'");
    }
  }

  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v;
  }
}
