package dev.atomic.models.llm;

import dev.atomic.AtomicException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A model provider failed to answer: why, with the HTTP status and the wait the provider asked for, so that the
 * exchange (and later the reliability layer) can escalate or back off. The message never contains an API key.
 */
public final class ProviderException extends AtomicException {

  /** Why the call failed. */
  public enum Reason {
    /** 429: over the rate or quota; {@link #retryAfter()} says how long to wait when the provider said. */
    RATE_LIMITED(true),
    /** 5xx: the provider failed. */
    SERVER_ERROR(true),
    /** No complete answer within the call's timeout (or a 408). */
    TIMEOUT(true),
    /** The provider could not be reached: refused connection, unknown host, reset. */
    UNREACHABLE(true),
    /** The provider answered 2xx with a body that is not what its protocol promises. */
    MALFORMED_RESPONSE(false),
    /** 401 or 403: the key is missing, wrong or not allowed. */
    AUTHENTICATION(false),
    /** 404: no such model or path. */
    NOT_FOUND(false),
    /** Another 4xx: the request itself is wrong. */
    INVALID_REQUEST(false),
    /** Anything else. */
    FAILED(false);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }

    /** Whether the same request may succeed later. */
    public boolean retryable() {
      return retryable;
    }
  }

  private final String provider;
  private final Reason reason;
  private final int status;
  private final transient Duration retryAfter;

  ProviderException(String provider, Reason reason, int status, Duration retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.provider = Objects.requireNonNull(provider, "provider");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** Which endpoint failed ({@code openai gpt-4o-mini}). */
  public String provider() {
    return provider;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status the provider answered, or 0 when there was none (timeout, unreachable). */
  public int status() {
    return status;
  }

  /** How long the provider asked the caller to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the same request may succeed later. */
  public boolean retryable() {
    return reason.retryable();
  }
}
