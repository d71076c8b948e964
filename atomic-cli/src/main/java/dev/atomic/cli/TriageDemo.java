package dev.atomic.cli;

import dev.atomic.engine.RunResult;
import dev.atomic.examples.triage.Action;
import dev.atomic.examples.triage.Inbox;
import dev.atomic.examples.triage.TriageApp;
import dev.atomic.examples.triage.TriageSummary;
import dev.atomic.exchange.Decision;
import dev.atomic.models.embed.EmbeddingCache;
import dev.atomic.models.embed.MiniLmEmbedder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The e-mail triage demo: the sample inbox through the triage pipeline on local models, with a reviewer's feedback on
 * the messages marked for it, then a summary by window (accuracy, who served) and one decision explained.
 */
final class TriageDemo {

  private TriageDemo() {}

  static int run(long seed, PrintStream out) {
    List<Inbox.Message> inbox = Inbox.sample();
    out.printf("Atomic demo: triaging %d e-mails on local models (MiniLM heads, OpenNLP, VADER, rules), offline.%n",
        inbox.size());
    out.println("A reviewer gives feedback on the messages marked for it; spam and category heads learn from it.");
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "atomic", "minilm-embeddings.bin");
    TriageSummary summary = new TriageSummary(55);
    Map<String, Integer> actions = new TreeMap<>();
    long start = System.nanoTime();
    try (EmbeddingCache embedder = EmbeddingCache.open(new MiniLmEmbedder(), cache);
        TriageApp app = TriageApp.create(embedder, seed)) {
      RunResult last = null;
      int done = 0;
      for (Inbox.Message m : inbox) {
        RunResult run = app.process(m.email());
        summary.add(m, run);
        if (run.status() == RunResult.Status.SUCCEEDED) {
          actions.merge(run.output("action", Action.class).type(), 1, Integer::sum);
        }
        if (m.feedback()) {
          app.teach(run, m.email(), m.spam(), m.category());
        }
        last = run;
        if (++done % 55 == 0) {
          out.printf("  %d/%d processed%n", done, inbox.size());
        }
      }
      embedder.flush();
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println();
      out.print(summary.table());
      out.printf(Locale.ROOT, "%nActions: %s; failed runs: %d; model spend $%.6f; %.1f s (%.0f e-mails/s)%n",
          actions, summary.failedRuns(), summary.costUsd(), seconds, inbox.size() / seconds);
      if (last != null) {
        String decisionId = last.step("category").calls().getFirst().decisionId();
        Decision decision = app.decision(decisionId).orElse(null);
        out.println();
        out.println("The category decision for the last e-mail (" + last.runId() + "):");
        out.println(decision == null ? "(decision " + decisionId + ")" : decision.explain());
      }
    }
    return 0;
  }
}
