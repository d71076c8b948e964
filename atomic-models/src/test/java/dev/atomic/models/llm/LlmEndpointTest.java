package dev.atomic.models.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.atomic.AtomicException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Endpoint configuration, and the promise that an API key never leaks into text. */
class LlmEndpointTest {

  private MockWebServer server;
  private Logger root;
  private Level rootLevel;
  private ListAppender<ILoggingEvent> logged;

  @BeforeEach
  void start() {
    server = Wire.start();
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logged);
    root.setLevel(rootLevel);
    server.close();
  }

  @Test
  void toString_masksTheKey() {
    LlmEndpoint endpoint = LlmEndpoint.openAi("gpt-4o-mini", Secrets.of(Map.of("ATOMIC_OPENAI_API_KEY", Wire.KEY)));

    assertThat(endpoint.toString()).doesNotContain(Wire.KEY).contains("****", "ATOMIC_OPENAI_API_KEY");
    assertThat(endpoint.apiKey().reveal()).isEqualTo(Wire.KEY);
  }

  @Test
  void openAi_withoutKey_namesTheVariableToSet() {
    assertThatThrownBy(() -> LlmEndpoint.openAi("gpt-4o-mini", Secrets.of(Map.of())))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("ATOMIC_OPENAI_API_KEY");
  }

  @Test
  void new_badValues_areRejectedWithTheValue() {
    assertThatThrownBy(() -> LlmEndpoint.ollama("localhost:11434", "llama3.2"))
        .hasMessageContaining("'localhost:11434'");
    assertThatThrownBy(() -> LlmEndpoint.ollama("http://localhost:11434", "m").withTimeout(Duration.ZERO))
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> LlmEndpoint.ollama("http://localhost:11434", " "))
        .hasMessageContaining("blank");
  }

  @Test
  void complete_providerEchoesKey_keyAppearsInNoMessageNorLog() {
    // Some providers quote the key they reject; the adapter must not pass it on.
    server.enqueue(Wire.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + Wire.KEY + "\"}}"));
    LlmEndpoint endpoint = LlmEndpoint.openAiCompatible(Wire.baseUrl(server, "/v1"), "gpt-4o-mini",
        Secret.of(Wire.KEY, "test"));
    Throwable thrown;
    try (LlmBidder bidder = LlmBidder.builder("gpt", endpoint).build()) {
      thrown = org.assertj.core.api.Assertions.catchThrowable(() -> bidder.complete(Prompt.of("hi")));
    }

    assertThat(thrown).isInstanceOfSatisfying(ProviderException.class, e -> {
      assertThat(e.reason()).isEqualTo(ProviderException.Reason.AUTHENTICATION);
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.getMessage()).contains("Incorrect API key provided: ****");
    });
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(Wire.KEY);
    assertThat(logged.list).isNotEmpty();
    for (ILoggingEvent event : logged.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(Wire.KEY);
      if (event.getThrowableProxy() != null) {
        assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(Wire.KEY);
      }
    }
  }

  @Test
  void complete_success_keyAppearsInNoLog() throws Exception {
    server.enqueue(Wire.json(200, """
        {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini",
         "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"""));
    LlmEndpoint endpoint = LlmEndpoint.openAiCompatible(Wire.baseUrl(server, "/v1"), "gpt-4o-mini",
        Secret.of(Wire.KEY, "test"));
    try (LlmBidder bidder = LlmBidder.builder("gpt", endpoint).build()) {
      bidder.complete(Prompt.of("hi"));
      assertThat(bidder.toString()).doesNotContain(Wire.KEY);
    }

    assertThat(logged.list).isNotEmpty();
    assertThat(logged.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(Wire.KEY));
  }
}
