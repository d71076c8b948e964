package dev.atomic.examples.triage;

import dev.atomic.engine.RunResult;
import dev.atomic.engine.StepResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened over a stream of triaged e-mails, in windows: accuracy of the spam and category steps against the true
 * labels, and who served them (rules or learned heads).
 */
public final class TriageSummary {

  private final int window;
  private final Map<Integer, Window> windows = new TreeMap<>();
  private int seen;
  private int failedRuns;
  private double cost;

  public TriageSummary(int window) {
    this.window = window;
  }

  /** The figures of one window of messages. */
  public static final class Window {
    int messages;
    int spamRight;
    int categoryRight;
    final Map<String, Integer> servedBy = new TreeMap<>();

    public double spamAccuracy() {
      return messages == 0 ? 0 : (double) spamRight / messages;
    }

    public double categoryAccuracy() {
      return messages == 0 ? 0 : (double) categoryRight / messages;
    }

    /** Share of spam and category steps served by a learned head. */
    public double headShare() {
      int heads = servedBy.entrySet().stream().filter(e -> e.getKey().contains("logistic") || e.getKey().contains("knn"))
          .mapToInt(Map.Entry::getValue).sum();
      int all = servedBy.values().stream().mapToInt(Integer::intValue).sum();
      return all == 0 ? 0 : (double) heads / all;
    }

    public Map<String, Integer> servedBy() {
      return servedBy;
    }
  }

  public void add(Inbox.Message message, RunResult run) {
    boolean ok = run.status() == RunResult.Status.SUCCEEDED;
    List<String> servedBy = new java.util.ArrayList<>();
    for (String step : List.of("spam", "category")) {
      StepResult r = run.step(step);
      if (r != null) {
        r.calls().forEach(c -> servedBy.add(c.servedBy()));
      }
    }
    add(message, ok, ok ? run.output("spam", Spam.class) : null, ok ? run.output("category", Category.class) : null,
        servedBy, run.costUsd());
  }

  /**
   * Adds one message's outcome, however the run was made (in process, or through the service's API).
   *
   * @param servedBy who served the spam and category steps
   */
  public void add(Inbox.Message message, boolean succeeded, Spam spam, Category category, List<String> servedBy,
      double costUsd) {
    Window w = windows.computeIfAbsent(seen++ / window, k -> new Window());
    cost += costUsd;
    if (!succeeded) {
      failedRuns++;
      return;
    }
    w.messages++;
    w.spamRight += spam == message.spam() ? 1 : 0;
    w.categoryRight += category == message.category() ? 1 : 0;
    servedBy.forEach(s -> w.servedBy.merge(s, 1, Integer::sum));
  }

  public List<Window> windows() {
    return List.copyOf(windows.values());
  }

  public int failedRuns() {
    return failedRuns;
  }

  public double costUsd() {
    return cost;
  }

  /** A table for the terminal. */
  public String table() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %8s %9s %11s  %s%n",
        "messages", "spam ok", "category", "heads serve", "served by (spam + category steps)"));
    int from = 1;
    for (Window w : windows.values()) {
      out.append(String.format(Locale.ROOT, "%-10s %7.0f%% %8.0f%% %10.0f%%  %s%n",
          from + "-" + (from + w.messages - 1), 100 * w.spamAccuracy(), 100 * w.categoryAccuracy(),
          100 * w.headShare(), w.servedBy));
      from += w.messages;
    }
    return out.toString();
  }
}
