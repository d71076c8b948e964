package dev.atomic.bench.adaptation;

import dev.atomic.bench.adaptation.Datasets.DataSet;
import dev.atomic.bench.adaptation.StreamRun.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report of the adaptation benchmark. */
final class Report {

  private Report() {}

  static String header(boolean quick, StreamRun.PremiumTerms premium, double costWeight, double confidence,
      long seed) {
    return fmt("""
        # Inference-time adaptation benchmark

        Local heads (frozen all-MiniLM-L6-v2 embeddings + an online classifier) bid against a premium model through the
        real exchange (`execute`, then `feedback`); each item's label then reaches the heads through `Adaptation.learn`.
        Prequential: every item is answered before its label is learned. %s

        **The premium model is a replayed stand-in, not a real LLM** (no network here): it answers the data set's own
        label at a declared $%.4f per call and gives a wrong label with seeded probability %.0f%%.
        Local compute is priced per CPU-millisecond of measured time. Utility = quality − %.0f × USD. Cascade
        `%s`: all local bidders answer first; kept when they agree with confidence ≥ %.2f, else the premium answers.
        Seed %d. "No answer": items no bidder bid for (a lone head before its first 20 labels), counted wrong.
        In "learning only accepted outputs", the heads never see the true label: they learn the served output when the
        feedback accepted it, and nothing otherwise (online distillation from whichever bidder served).

        """, quick ? "**Quick run: figures not for reporting.**" : "", premium.priceUsd(), premium.errorRate() * 100,
        costWeight, StreamRun.CASCADE, confidence, seed);
  }

  static String section(DataSet data, List<Outcome> outcomes, Map<String, Object> memory) {
    StringBuilder md = new StringBuilder(fmt("## %s (%d streamed%s)%n%n", data.name(), data.stream().size(),
        data.test().isEmpty() ? "" : fmt(", %d test", data.test().size())));
    md.append("| configuration | acc. after 500 | prequential acc. | local share | cost vs premium | no answer | seconds |");
    boolean test = !data.test().isEmpty();
    md.append(test ? " test acc. | test local share | test cost vs premium |\n|---|---|---|---|---|---|---|---|---|---|\n"
        : "\n|---|---|---|---|---|---|---|\n");
    for (Outcome o : outcomes) {
      md.append(fmt("| %s | %.2f%% | %.2f%% | %.1f%% | %.1f%% | %d | %.1f |", o.config(), 100 * o.accuracyAfter500(),
          100 * o.prequentialAccuracy(), 100 * o.streamLocalShare(), o.streamCostVsPremiumPct(), o.streamNoAnswer(),
          o.streamSeconds()));
      if (test) {
        md.append(fmt(" %.2f%% | %.1f%% | %.1f%% |", 100 * o.testAccuracy(), 100 * o.testLocalShare(),
            o.testCostVsPremiumPct()));
      }
      md.append('\n');
    }
    Outcome exchange = outcomes.getFirst();
    md.append("\nServed by (exchange, stream): ").append(exchange.streamServedBy());
    if (test) {
      md.append("; test: ").append(exchange.testServedBy());
    }
    StreamRun.Calibration c = exchange.localCalibration();
    md.append(fmt(".%n%nCalibration of the %d stream awards after item 500 that a local bidder won alone (exchange run): "
        + "accuracy %.2f%%; their raw claims averaged %.2f%% (expected calibration error %.4f), the exchange's calibrated "
        + "belief %.2f%% (error %.4f).%n", c.awards(), 100 * c.accuracy(), 100 * c.meanClaim(), c.claimError(),
        100 * c.meanBelief(), c.beliefError()));
    md.append(fmt("%nHead memory after the exchange run (array sizes; JSON of the exported state): %s%n%n",
        memory));
    return md.toString();
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
