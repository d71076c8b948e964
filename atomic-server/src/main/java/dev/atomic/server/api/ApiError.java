package dev.atomic.server.api;

import java.util.Objects;

/**
 * Every error the API answers with: an HTTP status, a stable machine-readable code and a message for a person. Thrown
 * anywhere below a route and turned into {@code {"error": {"status", "code", "message"}}} in one place
 * ({@link ErrorMapping}).
 */
public final class ApiError extends RuntimeException {

  private final int status;
  private final String code;

  public ApiError(int status, String code, String message) {
    super(Objects.requireNonNull(message, "message"));
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an API error status must be in [400, 599], was " + status);
    }
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message);
  }

  public static ApiError notFound(String what, String id) {
    return new ApiError(404, "not_found", "no " + what + " has id '" + id + "'");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The response body. */
  Body body() {
    return new Body(new Detail(status, code, getMessage()));
  }

  record Body(Detail error) {}

  record Detail(int status, String code, String message) {}
}
