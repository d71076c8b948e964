package dev.atomic.bench.structured;

import dev.atomic.output.Description;
import dev.atomic.output.StructuredOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The output type and the texts the benchmark parses: a valid answer and the same answer as a sloppy model writes it. */
final class Samples {

  enum Category { BILLING, TECH_SUPPORT, SALES, SPAM }

  record Line(String sku, int quantity, double price, String description) {}

  @Description("A triaged customer e-mail")
  record Triage(String id, Category category, boolean spam, double confidence, List<String> reasons, List<Line> lines,
      Optional<String> note) {}

  static final StructuredOutput<Triage> OUTPUT = StructuredOutput.of(Triage.class);

  private Samples() {}

  /** A valid answer with {@code lines} order lines; 8 lines make about 1 KB. */
  static String valid(int lines) {
    List<Line> items = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      items.add(new Line("SKU-" + (1000 + i), 1 + i % 5, 9.99 + i, "replacement part number " + i + " for the order"));
    }
    Triage t = new Triage("T-20261126", Category.BILLING, false, 0.87,
        List.of("mentions an invoice", "asks for a refund", "known customer"), items, Optional.of("reply within a day"));
    return OUTPUT.toJson(t);
  }

  private static final Pattern KEY = Pattern.compile("\"(\\w+)\":");
  private static final Pattern QUANTITY = Pattern.compile("quantity: (\\d+)");

  /**
   * The same answer as a sloppy model writes it: in prose and a fence, keys unquoted, single quotes, a trailing comma
   * in every line, a comment, numbers as strings, a Python literal and an enum in lower case.
   */
  static String malformed(int lines) {
    String s = valid(lines);
    s = KEY.matcher(s).replaceAll("$1: ");
    s = s.replace('"', '\'');
    s = QUANTITY.matcher(s).replaceAll(m -> "quantity: '" + m.group(1) + "'");
    s = s.replace("}", ",}").replace("False", "false").replace("false", "False").replace("'BILLING'", "'billing'");
    s = s.replaceFirst(",", ", // the ticket as read\n");
    return "Sure! Here is the triage you asked for:\n```json\n" + s + "\n```\nLet me know if anything is unclear.";
  }
}
