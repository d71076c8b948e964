package dev.atomic.models.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * A non-2xx answer, with the wait the provider asked for. It extends LangChain4j's {@link HttpException} so the
 * provider modules map it as usual (429 to their rate-limit exception and so on) and keep it as the cause, where
 * {@link ProviderErrors} finds the retry-after that LangChain4j itself drops.
 */
final class StatusException extends HttpException {

  private final transient Duration retryAfter;
  private final String url;

  StatusException(int status, String body, Duration retryAfter, String url) {
    super(status, body);
    this.retryAfter = retryAfter;
    this.url = url;
  }

  /** The wait the provider asked for, or {@code null}. */
  Duration retryAfter() {
    return retryAfter;
  }

  String url() {
    return url;
  }
}
