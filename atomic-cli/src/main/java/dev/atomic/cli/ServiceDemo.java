package dev.atomic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.examples.triage.Category;
import dev.atomic.examples.triage.Inbox;
import dev.atomic.examples.triage.Spam;
import dev.atomic.examples.triage.TriageModels;
import dev.atomic.examples.triage.TriageSummary;
import dev.atomic.exchange.Utility;
import dev.atomic.models.embed.EmbeddingCache;
import dev.atomic.models.embed.MiniLmEmbedder;
import dev.atomic.server.AtomicServer;
import dev.atomic.server.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * {@code atomic demo}: the service on embedded defaults with the e-mail triage registered, the sample inbox sent through
 * its HTTP API as runs, a reviewer's feedback posted back for the messages marked for it (and their labels taught to
 * the heads), then a summary and the dashboard's address. The service keeps running until Ctrl-C, unless told to exit.
 */
final class ServiceDemo {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerConfig settings;
  private final long seed;
  private final PrintStream out;
  private final Path embeddingCache;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServiceDemo(ServerConfig settings, long seed, PrintStream out) {
    this(settings, seed, out, Path.of(System.getProperty("user.home"), ".cache", "atomic", "minilm-embeddings.bin"));
  }

  /** With the MiniLM embeddings cached in {@code embeddingCache} (a test's own folder rather than the user's). */
  ServiceDemo(ServerConfig settings, long seed, PrintStream out, Path embeddingCache) {
    this.settings = settings;
    this.seed = seed;
    this.out = out;
    this.embeddingCache = embeddingCache;
  }

  int run(boolean keepServing) throws IOException, InterruptedException {
    List<Inbox.Message> inbox = Inbox.sample();
    try (EmbeddingCache embedder = EmbeddingCache.open(new MiniLmEmbedder(), embeddingCache)) {
      TriageModels models = TriageModels.create(embedder);
      AtomicServer.Builder builder = AtomicServer.builder(settings)
          .exchange(exchange -> exchange.seed(seed).utility(Utility.of(100, 0.01)).pendingCapacity(10_000))
          .pipeline(TriageModels.pipeline());
      models.bidders().forEach(builder::bidder);
      try (AtomicServer server = builder.start()) {
        String base = "http://" + host(settings) + ":" + server.port();
        out.printf("Atomic demo: the service is up at %s (ledger %s).%n", base, settings.storeUrl());
        out.printf("Sending the %d e-mails of the sample inbox as runs of the 'email-triage' pipeline; a reviewer "
            + "gives feedback on the messages marked for it.%n", inbox.size());
        Triaged triaged = triage(base, inbox, models);
        TriageSummary summary = triaged.summary();
        embedder.flush();
        out.println();
        out.print(summary.table());
        out.printf(Locale.ROOT, "Failed runs: %d; model spend $%.6f%n", summary.failedRuns(), summary.costUsd());
        out.printf("%nDashboard: %s/dashboard/   API: %s/openapi.json   Metrics: %s/metrics%n", base, base, base);
        // A command to copy: the last run's steps and decisions, explained from the ledger the demo wrote.
        out.printf("Explain the last run in the terminal: ./atomic decisions --run %s%s%n", triaged.lastRunId(),
            settings.storeUrl().equals(ServerConfig.defaults().storeUrl()) ? "" : " --db " + settings.storeUrl());
        if (keepServing) {
          out.println("The service keeps running; Ctrl-C stops it.");
          CountDownLatch stop = new CountDownLatch(1);
          Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
          stop.await();
        }
      }
    }
    return 0;
  }

  /** What the demo's runs came to, and the id of the last one (to explain it). */
  private record Triaged(TriageSummary summary, String lastRunId) {}

  private Triaged triage(String base, List<Inbox.Message> inbox, TriageModels models)
      throws IOException, InterruptedException {
    TriageSummary summary = new TriageSummary(55);
    Map<String, Integer> actions = new TreeMap<>();
    String prefix = "demo-" + Long.toHexString(System.currentTimeMillis()) + "-";
    String lastRunId = null;
    for (int i = 0; i < inbox.size(); i++) {
      Inbox.Message m = inbox.get(i);
      ObjectNode body = JSON.createObjectNode().put("pipeline", "email-triage").put("id", prefix + m.email().id());
      body.set("request", JSON.valueToTree(m.email()));
      JsonNode run = post(base + "/v1/runs", body);
      lastRunId = body.path("id").asText();
      boolean ok = "succeeded".equals(run.path("status").asText());
      JsonNode steps = run.path("steps");
      List<String> servedBy = new ArrayList<>();
      for (String step : List.of("spam", "category")) {
        for (JsonNode call : steps.path(step).path("calls")) {
          servedBy.add(call.path("servedBy").asText());
        }
      }
      Spam spam = ok ? Spam.valueOf(steps.path("spam").path("output").asText()) : null;
      Category category = ok ? Category.valueOf(steps.path("category").path("output").asText()) : null;
      summary.add(m, ok, spam, category, servedBy, run.path("costUsd").asDouble());
      if (ok) {
        actions.merge(steps.path("action").path("output").path("type").asText(), 1, Integer::sum);
      }
      if (ok && m.feedback()) {
        review(base, steps.path("spam"), spam == m.spam());
        review(base, steps.path("category"), category == m.category());
        models.teach("email.spam", m.email(), m.spam().name());
        models.teach("email.category", m.email(), m.category().name());
      }
      if ((i + 1) % 55 == 0) {
        out.printf("  %d/%d runs%n", i + 1, inbox.size());
      }
    }
    out.println("Actions: " + actions);
    return new Triaged(summary, lastRunId);
  }

  private void review(String base, JsonNode step, boolean right) throws IOException, InterruptedException {
    for (JsonNode call : step.path("calls")) {
      ObjectNode feedback = JSON.createObjectNode().put("quality", right ? 1.0 : 0.0).put("note", "demo reviewer");
      post(base + "/v1/decisions/" + call.path("decisionId").asText() + "/feedback", feedback);
    }
  }

  private JsonNode post(String url, JsonNode body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String host(ServerConfig settings) {
    String host = settings.host();
    return host.equals("0.0.0.0") ? "127.0.0.1" : host;
  }
}
