package dev.atomic.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses, in front of every route, a request whose path Jetty's default compliance refuses: not valid UTF-8 once
 * decoded ({@code %FF}), or ambiguous ({@code %25}, {@code %2F}, {@code %2e%2e}, an empty segment, UTF-16 escapes).
 * 400 in the API's error shape, naming the violation, after reading and discarding the body.
 *
 * <p>Jetty would refuse such a path itself, deeper in, where the body can no longer be read; it then closes the
 * connection with the body unread, the kernel answers the rest of the body with a reset, and a reset throws away the
 * 400 the client has not read yet (under load, about one such answer in ten was lost; found by atomic-robustness's
 * fuzzing). Here the body is still readable, so the connection ends cleanly. A body larger than the server's limit is
 * not waited for.
 */
final class PathGuard extends Handler.Wrapper {

  /** Jetty's default compliance, which this guard enforces: what it refuses is refused here. */
  static final UriCompliance ENFORCED = UriCompliance.DEFAULT;

  /** What Jetty's connector lets through, so that every path reaches this guard with its body still readable. */
  static final UriCompliance COMPLIANCE = UriCompliance.DEFAULT.with("atomic-path-guard",
      UriCompliance.Violation.values());

  private final long maxBodyBytes;

  PathGuard(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    // Every request passes here: a clean path costs one check and nothing else.
    Optional<UriCompliance.Violation> refused = request.getHttpURI().hasViolations()
        ? request.getHttpURI().getViolations().stream().filter(v -> !ENFORCED.allows(v)).findFirst()
        : Optional.empty();
    if (refused.isEmpty()) {
      return super.handle(request, response, callback);
    }
    drain(request);
    JsonErrorHandler.answer(response, 400, refused.get().getDescription() + " in the path", callback);
    return true;
  }

  private void drain(Request request) {
    long declared = request.getLength();
    if (declared == 0 || declared > maxBodyBytes) {
      return;
    }
    byte[] sink = new byte[8192];
    long left = maxBodyBytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // The client went: nothing left to protect.
    }
  }
}
