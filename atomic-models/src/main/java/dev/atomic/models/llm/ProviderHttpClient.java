package dev.atomic.models.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;

/**
 * The HTTP client under every provider model, on the JDK's client. It differs from LangChain4j's own JDK client in one
 * way that matters: a non-2xx answer becomes a {@link StatusException} that keeps the provider's retry-after, which
 * LangChain4j's {@code HttpException} drops. Streams are read on virtual threads.
 */
final class ProviderHttpClient implements HttpClient {

  private static final int MAX_ERROR_BODY = 4_000;

  private final java.net.http.HttpClient delegate;
  private final Duration readTimeout;
  private final InstantSource clock;

  private ProviderHttpClient(Builder builder) {
    java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
        .executor(Executors.newVirtualThreadPerTaskExecutor());
    if (builder.connectTimeout != null) {
      jdk.connectTimeout(builder.connectTimeout);
    }
    this.delegate = jdk.build();
    this.readTimeout = builder.readTimeout;
    this.clock = builder.clock;
  }

  static Builder builder(InstantSource clock) {
    return new Builder(clock);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = delegate.send(toJdk(request), BodyHandlers.ofByteArray());
      if (!successful(response.statusCode())) {
        throw failure(response, new String(response.body(), StandardCharsets.UTF_8), request);
      }
      return fromJdk(response, response.body());
    } catch (HttpTimeoutException e) {
      throw new TimeoutException("no answer from " + request.url() + " within " + readTimeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted while waiting for " + request.url(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("request to " + request.url() + " failed: " + e, e);
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    delegate.sendAsync(toJdk(request), BodyHandlers.ofInputStream())
        .thenAccept(response -> {
          if (!successful(response.statusCode())) {
            notifyError(listener, failure(response, readError(response.body()), request));
            return;
          }
          notifyOpen(listener, fromJdk(response, null));
          try (InputStream body = response.body()) {
            parser.parse(body, listener);
            listener.onClose();
          } catch (IOException | RuntimeException e) {
            notifyError(listener, e);
          }
        })
        .exceptionally(error -> {
          Throwable cause = error.getCause() != null ? error.getCause() : error;
          notifyError(listener, cause instanceof HttpTimeoutException
              ? new TimeoutException("no answer from " + request.url() + " within " + readTimeout, cause)
              : cause);
          return null;
        });
  }

  private java.net.http.HttpRequest toJdk(HttpRequest request) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      throw new UnsupportedOperationException("multipart requests are not supported by Atomic's provider client");
    }
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    request.headers().forEach((name, values) -> {
      if (values != null) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    builder.method(request.method().name(), request.body() == null
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    if (readTimeout != null) {
      builder.timeout(readTimeout);
    }
    return builder.build();
  }

  private StatusException failure(HttpResponse<?> response, String body, HttpRequest request) {
    String shown = body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) + "..." : body;
    return new StatusException(response.statusCode(), shown, RetryAfter.parse(response.headers(), clock.instant()),
        request.url());
  }

  private static SuccessfulHttpResponse fromJdk(HttpResponse<?> response, byte[] body) {
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(body)
        .build();
  }

  private static boolean successful(int status) {
    return status >= 200 && status < 300;
  }

  private static String readError(InputStream body) {
    try (body) {
      return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(the error body could not be read: " + e.getMessage() + ")";
    }
  }

  // The listener belongs to LangChain4j's provider code; a failure inside it must not kill the reading thread silently.
  private static void notifyOpen(ServerSentEventListener listener, SuccessfulHttpResponse response) {
    try {
      listener.onOpen(response);
    } catch (RuntimeException ignored) {
      // onOpen is informational; the stream goes on.
    }
  }

  private static void notifyError(ServerSentEventListener listener, Throwable error) {
    try {
      listener.onError(error);
    } catch (RuntimeException ignored) {
      // Nothing more can be told to a listener that fails on its error.
    }
  }

  /** Builds the client; LangChain4j's provider builders set the timeouts. */
  static final class Builder implements HttpClientBuilder {
    private final InstantSource clock;
    private Duration connectTimeout;
    private Duration readTimeout;

    private Builder(InstantSource clock) {
      this.clock = clock;
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public HttpClient build() {
      return new ProviderHttpClient(this);
    }
  }
}
