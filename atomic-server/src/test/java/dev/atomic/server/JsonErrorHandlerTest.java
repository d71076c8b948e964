package dev.atomic.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests Jetty refuses before routing still get the API's JSON error shape. Found by atomic-robustness's fuzzing. */
class JsonErrorHandlerTest {

  @Test
  void handle_pathWithInvalidUtf8OrNul_answers400InTheApiErrorShape(@TempDir Path dir) {
    ServerConfig config = ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("e.db").toString());
    try (AtomicServer server = AtomicServer.builder(config).start()) {
      Http http = new Http(server.port());
      for (String path : new String[] {"/v1/decisions/%FF/feedback", "/v1/decisions/a%00b/feedback"}) {
        Http.Reply r = http.post(path, "{\"quality\":1}");

        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t ->
            assertThat(t).startsWith("application/json"));
        assertThat(r.json().path("error").path("status").asInt()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("http_400");
        assertThat(r.json().path("error").path("message").asText()).isNotBlank();
      }
    }
  }
}
