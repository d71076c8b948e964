package dev.atomic.models.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.atomic.AtomicException;
import dev.atomic.models.llm.ProviderException.Reason;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns whatever a provider call threw into one {@link ProviderException}: it walks the cause chain for the HTTP
 * status (and retry-after), a timeout, an unreachable host or a body that would not parse, and scrubs the API key
 * from every message it keeps, causes included.
 */
final class ProviderErrors {

  private static final int MAX_DETAIL = 500;

  private ProviderErrors() {}

  static ProviderException map(String provider, Throwable error, Secret key) {
    if (error instanceof ProviderException already) {
      return already;
    }
    Throwable root = unwrap(error);
    for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StatusException status) {
        return status(provider, status.statusCode(), status.retryAfter(), status.getMessage(), status.url(), root, key);
      }
      if (t instanceof HttpException http) {
        return status(provider, http.statusCode(), null, http.getMessage(), null, root, key);
      }
    }
    for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
      switch (t) {
        case TimeoutException e -> {
          return of(provider, Reason.TIMEOUT, 0, null, provider + " timed out: " + detail(e, key), root, key);
        }
        case HttpTimeoutException e -> {
          return of(provider, Reason.TIMEOUT, 0, null, provider + " timed out: " + detail(e, key), root, key);
        }
        case ConnectException e -> {
          return of(provider, Reason.UNREACHABLE, 0, null, provider + " is unreachable: " + detail(e, key), root, key);
        }
        case UnresolvedAddressException e -> {
          return of(provider, Reason.UNREACHABLE, 0, null, provider + " has an unknown host", root, key);
        }
        case UnresolvedModelServerException e -> {
          return of(provider, Reason.UNREACHABLE, 0, null, provider + " has an unknown host", root, key);
        }
        case JacksonException e -> {
          return of(provider, Reason.MALFORMED_RESPONSE, 0, null,
              provider + " answered a body that is not valid for its protocol: " + detail(e, key), root, key);
        }
        default -> { }
      }
    }
    return of(provider, Reason.FAILED, 0, null, provider + " failed: " + detail(root, key), root, key);
  }

  /** A 2xx answer that lacks what the protocol promises (no message, no text). */
  static ProviderException malformed(String provider, String what) {
    return new ProviderException(provider, Reason.MALFORMED_RESPONSE, 0, null,
        provider + " answered without " + what, null);
  }

  /** The call did not finish within the bidder's own timeout. */
  static ProviderException timedOut(String provider, Duration timeout) {
    return new ProviderException(provider, Reason.TIMEOUT, 0, null,
        provider + " gave no complete answer within " + timeout, null);
  }

  private static ProviderException status(String provider, int status, Duration retryAfter, String body, String url,
      Throwable root, Secret key) {
    Reason reason = reasonOf(status);
    StringBuilder message = new StringBuilder(provider).append(" answered HTTP ").append(status);
    if (url != null) {
      message.append(" at ").append(url);
    }
    message.append(" (").append(reason).append(')');
    if (retryAfter != null) {
      message.append(", retry after ").append(retryAfter);
    }
    message.append(": ").append(abbreviate(scrub(body, key)));
    return of(provider, reason, status, retryAfter, message.toString(), root, key);
  }

  static Reason reasonOf(int status) {
    if (status == 429) {
      return Reason.RATE_LIMITED;
    }
    if (status >= 500) {
      return Reason.SERVER_ERROR;
    }
    return switch (status) {
      case 401, 403 -> Reason.AUTHENTICATION;
      case 404 -> Reason.NOT_FOUND;
      case 408 -> Reason.TIMEOUT;
      default -> status >= 400 ? Reason.INVALID_REQUEST : Reason.FAILED;
    };
  }

  private static ProviderException of(String provider, Reason reason, int status, Duration retryAfter, String message,
      Throwable cause, Secret key) {
    return new ProviderException(provider, reason, status, retryAfter, scrub(message, key), safeCause(cause, key));
  }

  /** The cause itself when no message in its chain holds the key; otherwise a scrubbed stand-in. */
  private static Throwable safeCause(Throwable cause, Secret key) {
    if (key == null || cause == null) {
      return cause;
    }
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(key.reveal()) || String.valueOf(t).contains(key.reveal())) {
        return new AtomicException(cause.getClass().getName() + ": " + scrub(cause.getMessage(), key));
      }
    }
    return cause;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String detail(Throwable t, Secret key) {
    return abbreviate(scrub(t.getClass().getSimpleName() + ": " + t.getMessage(), key));
  }

  private static String scrub(String text, Secret key) {
    return key == null || text == null ? text : key.scrub(text);
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
  }
}
