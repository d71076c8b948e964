package dev.atomic.bench.governance;

import dev.atomic.bench.BenchOptions;
import dev.atomic.bench.Benchmark;
import dev.atomic.bench.Reports;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.governance.audit.AuditEntry;
import dev.atomic.governance.audit.AuditEvent;
import dev.atomic.governance.audit.AuditLog;
import dev.atomic.governance.audit.AuditType;
import dev.atomic.governance.audit.AuditVerifier;
import dev.atomic.governance.classify.Classifier;
import dev.atomic.governance.policy.DataPolicy;
import dev.atomic.governance.redact.Redacted;
import dev.atomic.governance.redact.Redactor;
import dev.atomic.task.Microtask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code ./atomic bench governance}: what the governance layer costs on the hot path, and whether its detectors stay
 * linear on hostile input.
 * <ol>
 *   <li>classification of the 5,574 real SMS of the SMS Spam Collection: throughput, and how many messages of each
 *       label carry each detected class (descriptive: the corpus has no PII labels, so no accuracy is claimed);
 *   <li>scaling: the time per character to classify adversarial strings (repeated {@code @}, digit groups,
 *       {@code -----BEGIN }...) of 100,000, 400,000 and 1,600,000 characters; {@code growth} is the time per character
 *       at the largest size over that at the smallest: about 1 for a linear scanner, 16 for a quadratic one;
 *   <li>a policy decision, a redaction round trip, an audit append and an audit verification, per operation.
 * </ol>
 * Each timing is the best of several repetitions after a warm-up, on one thread.
 */
public final class GovernanceBenchmark implements Benchmark {

  static final List<String> HOSTILE = List.of("@", "a@", "a.", "1 ", "1-", "+1 ", "(1", "DE89", "sk-", "eyJ.",
      "-----BEGIN ", "0 ", "AB12", "1 2", "x@y.", "aA1", "4111 ", "536-22-");

  @Override
  public String name() {
    return "governance";
  }

  @Override
  public String description() {
    return "classifier throughput on real SMS and linear scaling on hostile input; policy, redaction and audit costs";
  }

  @Override
  public void run(BenchOptions options) throws Exception {
    Path data = options.dataOr("sms-spam-collection/SMSSpamCollection");
    List<String[]> sms = Files.readAllLines(data, StandardCharsets.UTF_8).stream()
        .map(line -> line.split("\t", 2))
        .filter(parts -> parts.length == 2)
        .toList();
    Classifier classifier = Classifier.standard();
    int repeats = options.quick() ? 1 : 5;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("quick", options.quick());
    figures.put("corpus", data.toString());
    figures.put("messages", sms.size());

    options.progress().println("governance: classifying " + sms.size() + " SMS...");
    long chars = sms.stream().mapToLong(p -> p[1].length()).sum();
    long corpusNanos = best(repeats + 1, () -> sms.forEach(p -> classifier.scan(p[1])));
    figures.put("corpus_chars", chars);
    figures.put("classify_us_per_message", corpusNanos / 1e3 / sms.size());
    figures.put("classify_mb_per_second", chars / (corpusNanos / 1e9) / 1e6);
    figures.put("messages_with_class_by_label", classesByLabel(sms, classifier));

    options.progress().println("governance: scaling on hostile input...");
    List<Map<String, Object>> scaling = new ArrayList<>();
    int[] sizes = options.quick() ? new int[] {10_000, 40_000} : new int[] {100_000, 400_000, 1_600_000};
    for (String unit : HOSTILE) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("unit", unit);
      double firstNsPerChar = 0;
      double nsPerChar = 0;
      for (int size : sizes) {
        String input = unit.repeat(size / unit.length());
        long nanos = best(Math.min(repeats, 3), () -> classifier.scan(input));
        nsPerChar = (double) nanos / input.length();
        firstNsPerChar = firstNsPerChar == 0 ? nsPerChar : firstNsPerChar;
        row.put("ms_" + size / 1000 + "k", nanos / 1e6);
        row.put("ns_per_char_" + size / 1000 + "k", nsPerChar);
      }
      row.put("growth", nsPerChar / firstNsPerChar);
      scaling.add(row);
    }
    figures.put("hostile_scaling", scaling);

    options.progress().println("governance: policy, redaction, audit...");
    figures.put("policy_exclude_ns", policyNanos(repeats));
    Redactor redactor = Redactor.of(classifier);
    String letter = "From jane@example.com to bob@example.org: refund card 4111 1111 1111 1111 to IBAN "
        + "DE89370400440532013000, call +44 20 7946 0958. " + sms.get(2)[1];
    int rounds = 2_000;
    long redactNanos = best(repeats, () -> {
      for (int i = 0; i < rounds; i++) {
        Redacted r = redactor.redact(letter);
        r.restore((String) r.value());
      }
    });
    figures.put("redaction_round_trip_us", redactNanos / 1e3 / rounds);
    figures.putAll(audit(options.quick() ? 10_000 : 100_000));

    String md = markdown(figures, scaling);
    Reports.write(options.out(), name(), figures, md);
    options.progress().println(md);
  }

  private static Map<String, Map<String, Integer>> classesByLabel(List<String[]> sms, Classifier classifier) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (String[] p : sms) {
      Map<String, Integer> byClass = counts.computeIfAbsent(p[0], k -> new TreeMap<>());
      byClass.merge("messages", 1, Integer::sum);
      for (String c : classifier.scan(p[1]).classes()) {
        byClass.merge(c, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static double policyNanos(int repeats) {
    DataPolicy.Builder builder = DataPolicy.builder();
    for (int i = 0; i < 10; i++) {
      int n = i;
      builder.rule("rule-" + i, r -> r.classes("pii.class" + n, "pci.*").regions("eu-west", "on-prem"));
    }
    DataPolicy policy = builder.build();
    Microtask task = Microtask.builder("doc.summary")
        .dataClasses(Set.of("pii.email", "pci.card", "pii.class3")).build();
    BidderProfile hosted = BidderProfile.hosted("openai", "eu-west");
    int calls = 200_000;
    long[] sink = new long[1];
    long nanos = best(repeats, () -> {
      for (int i = 0; i < calls; i++) {
        sink[0] += policy.exclude(task, "gpt", hosted).isPresent() ? 1 : 0;
      }
    });
    return (double) nanos / calls;
  }

  private static Map<String, Object> audit(int entries) {
    AuditLog log = AuditLog.inMemory(InstantSource.system());
    Map<String, String> details = Map.of("decision", "d-123", "bidder", "gpt", "dataClasses", "pii.email",
        "policy.allowedBy", "eu-pii:pii.email", "costUsd", "0.00012000");
    long t0 = System.nanoTime();
    for (int i = 0; i < entries; i++) {
      log.append(new AuditEvent("tenant-" + (i % 7), AuditType.MODEL_CALL, "exchange", details));
    }
    long t1 = System.nanoTime();
    List<AuditEntry> all = log.read(1, Long.MAX_VALUE);
    long t2 = System.nanoTime();
    boolean intact = AuditVerifier.verify(all).intact();
    long t3 = System.nanoTime();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("audit_entries", entries);
    row.put("audit_append_us", (t1 - t0) / 1e3 / entries);
    row.put("audit_verify_us_per_entry", (t3 - t2) / 1e3 / entries);
    row.put("audit_chain_intact", intact);
    return row;
  }

  /** The shortest of {@code repeats} timed runs, after one untimed warm-up run. */
  private static long best(int repeats, Runnable work) {
    work.run();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      work.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }

  private static String markdown(Map<String, Object> f, List<Map<String, Object>> scaling) {
    StringBuilder md = new StringBuilder("# Governance\n\n");
    md.append(fmt("Classifier on %s real SMS (%s chars): %.1f us per message, %.1f MB/s on one thread.%n%n",
        f.get("messages"), f.get("corpus_chars"), f.get("classify_us_per_message"), f.get("classify_mb_per_second")));
    md.append("Messages with each detected class, by label (descriptive; the corpus has no PII labels):\n\n");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Integer>> byLabel =
        (Map<String, Map<String, Integer>>) f.get("messages_with_class_by_label");
    byLabel.forEach((label, counts) -> md.append("- ").append(label).append(": ").append(counts).append('\n'));
    md.append("\nHostile input, ns per character at each size (linear: growth near 1; quadratic: 16):\n\n");
    List<String> sizes = scaling.getFirst().keySet().stream().filter(k -> k.startsWith("ns_per_char_")).toList();
    md.append("| unit |");
    sizes.forEach(k -> md.append(' ').append(k.substring("ns_per_char_".length())).append(" |"));
    md.append(" growth |\n|---|").append("---:|".repeat(sizes.size() + 1)).append('\n');
    for (Map<String, Object> row : scaling) {
      md.append("| `").append(((String) row.get("unit")).replace("|", "\\|")).append("` |");
      sizes.forEach(k -> md.append(fmt(" %.0f |", row.get(k))));
      md.append(fmt(" %.2f |%n", row.get("growth")));
    }
    md.append(fmt("%nPolicy decision (10 rules, 3 classes): %.0f ns. Redaction round trip of a 5-value letter: "
        + "%.1f us. Audit: append %.2f us, verify %.2f us per entry over %s entries (chain intact: %s).%n",
        f.get("policy_exclude_ns"), f.get("redaction_round_trip_us"), f.get("audit_append_us"),
        f.get("audit_verify_us_per_entry"), f.get("audit_entries"), f.get("audit_chain_intact")));
    return md.toString();
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
