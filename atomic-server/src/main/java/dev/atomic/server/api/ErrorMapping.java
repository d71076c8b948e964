package dev.atomic.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.atomic.AtomicException;
import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.NoEligibleBidException;
import dev.atomic.store.StoreException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers, all in the shape {@code {"error": {"status", "code",
 * "message"}}}. Bad input never reaches the generic 500: malformed JSON, invalid values, unknown routes and oversized
 * bodies each have their status; only a bug gives 500, and its detail goes to the log, not to the caller.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  static final String HANDLED = "atomic.error.handled";

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(Exception.class, (e, ctx) -> {
      ApiError error = toApiError(e);
      if (error.status() >= 500 && !(e instanceof ApiError)) {
        LOG.error("unexpected failure answering {}", describe(ctx), e);
      }
      answer(ctx, error);
    });
    // Statuses Javalin sets itself (no route, wrong method) get the same shape, unless a handler answered already.
    for (int status : new int[] {404, 405, 413}) {
      routes.error(status, ctx -> {
        if (ctx.attribute(HANDLED) == null) {
          answer(ctx, fromJavalin(status, ""));
        }
      });
    }
  }

  /** The API error an exception stands for; anything unforeseen is a 500 whose detail stays in the log. */
  static ApiError toApiError(Exception e) {
    return switch (e) {
      case ApiError api -> api;
      case JsonProcessingException json ->
          ApiError.badRequest("malformed_json", "the body is not valid JSON for this route: " + firstLine(json));
      case NoEligibleBidException none -> new ApiError(422, "no_eligible_bid", none.getMessage());
      case AwardFailedException failed -> new ApiError(502, "award_failed", failed.getMessage());
      case StoreException store -> new ApiError(503, "store_unavailable", "the ledger failed: " + store.getMessage());
      case AtomicException atomic -> new ApiError(422, "not_auctioned", atomic.getMessage());
      case IllegalArgumentException bad -> ApiError.badRequest("invalid_request", bad.getMessage());
      case HttpResponseException http -> fromJavalin(http.getStatus(), http.getMessage());
      default -> new ApiError(500, "internal", "the server failed unexpectedly; the log has the detail");
    };
  }

  static void answer(Context ctx, ApiError error) {
    ctx.attribute(HANDLED, Boolean.TRUE);
    ctx.status(error.status()).contentType("application/json").result(Json.write(error.body()));
  }

  private static ApiError fromJavalin(int status, String message) {
    return switch (status) {
      case 404 -> new ApiError(404, "no_route", "no route matches this method and path");
      case 405 -> new ApiError(405, "method_not_allowed", "this path does not accept this method");
      case 413 -> new ApiError(413, "body_too_large", "the request body is larger than the server accepts");
      default -> new ApiError(status >= 400 && status <= 599 ? status : 500, "http_" + status,
          message == null || message.isBlank() ? "HTTP " + status : message);
    };
  }

  /** The request's method and path, when the request still exists (it may be gone after a client left). */
  private static String describe(Context ctx) {
    try {
      return ctx.method() + " " + ctx.path();
    } catch (RuntimeException gone) {
      return "a request that has ended";
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
