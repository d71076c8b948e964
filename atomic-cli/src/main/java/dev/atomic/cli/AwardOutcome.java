package dev.atomic.cli;

import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Attempt;
import dev.atomic.exchange.Feedback;
import dev.atomic.store.AwardView;
import dev.atomic.store.ExecutionEntry;
import dev.atomic.store.FeedbackEntry;
import java.util.Locale;

/**
 * What came of an award, as {@code atomic decisions} prints it under the auction: who served it, each attempt with the
 * model it called, its tokens, cost and time, the repairs the output needed, the output, and the feedback.
 */
final class AwardOutcome {

  /** Longer outputs are cut here: the terminal explains, the API ({@code GET /v1/decisions/{id}}) has the whole. */
  static final int OUTPUT_CHARS = 200;

  private AwardOutcome() {}

  static String of(AwardView award) {
    StringBuilder out = new StringBuilder();
    ExecutionEntry execution = award.execution();
    if (execution == null) {
      return award.decision().awarded() ? "Not served yet (no execution recorded).\n" : "";
    }
    out.append(execution.succeeded()
        ? "Served by " + execution.servedBy()
        : "Not served: every attempt failed")
        .append(fmt(" in %d attempt(s): %s, %.1f ms%s%n", execution.attempts().size(), usd(execution.costUsd()),
            execution.latencyMs(), tokens(execution.inputTokens(), execution.outputTokens())));
    for (Attempt a : execution.attempts()) {
      // The model, where the bidder names one other than itself (an LLM bidder's dated model behind its alias).
      Usage usage = a.usage();
      String model = usage.modelKnown() && !usage.model().equals(a.arm()) ? " (" + usage.model() + ")" : "";
      out.append(fmt("  %-3d %-34s %-10s %12s %9.1f ms%s%s%n", a.number(), a.arm() + model, a.status(),
          usd(a.costUsd()), a.latencyMs(), tokens(a.usage()), a.detail().isEmpty() ? "" : "  " + a.detail()));
    }
    if (!execution.repairs().isEmpty()) {
      out.append("Repairs: ").append(String.join("; ", execution.repairs())).append('\n');
    }
    if (award.outputJson() != null) {
      out.append("Output: ").append(cut(award.outputJson())).append('\n');
    }
    FeedbackEntry feedback = award.feedback();
    if (feedback != null) {
      Feedback f = feedback.feedback();
      out.append(fmt("Feedback: quality %.3f%s%s%n", f.quality(),
          f.hasActualCost() ? ", actual cost " + usd(f.actualCostUsd()) : "",
          feedback.note().isEmpty() ? "" : " (" + feedback.note() + ")"));
    }
    return out.toString();
  }

  private static String tokens(Usage usage) {
    return tokens(usage.inputTokens(), usage.outputTokens());
  }

  private static String tokens(long in, long out) {
    return in < 0 ? "" : fmt(", %d tokens in / %d out", in, out);
  }

  private static String usd(double amount) {
    return fmt("$%.6f", amount);
  }

  private static String cut(String text) {
    String line = text.replace('\n', ' ');
    if (line.length() <= OUTPUT_CHARS) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(OUTPUT_CHARS - 1)) ? OUTPUT_CHARS - 1 : OUTPUT_CHARS;
    return line.substring(0, end) + "… (" + line.length() + " chars)";
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
