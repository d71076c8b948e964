package dev.atomic.output;

import dev.atomic.output.parse.Repair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/** Writes a JSON tree as text with exactly one kind of fault a model makes, for the repair properties. */
final class FaultyJson {

  /** One repairable fault, and the repair that must be reported for it. */
  enum Fault {
    TRAILING_COMMA(Repair.Kind.TRAILING_COMMA),
    SINGLE_QUOTES(Repair.Kind.SINGLE_QUOTES),
    UNQUOTED_KEYS(Repair.Kind.UNQUOTED_KEY),
    COMMENT(Repair.Kind.COMMENT),
    PYTHON_LITERALS(Repair.Kind.PYTHON_LITERAL),
    RAW_NEWLINES(Repair.Kind.UNESCAPED_CONTROL),
    MISSING_COMMA(Repair.Kind.MISSING_COMMA),
    TRUNCATED(Repair.Kind.TRUNCATED),
    PROSE(Repair.Kind.EXTRACTED_FROM_PROSE),
    FENCE(Repair.Kind.EXTRACTED_FROM_FENCE);

    final Repair.Kind repair;

    Fault(Repair.Kind repair) {
      this.repair = repair;
    }
  }

  private final Fault fault;
  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private final List<Integer> faultSites = new ArrayList<>();
  private boolean placed;

  private FaultyJson(Fault fault, long seed) {
    this.fault = fault;
    this.random = new Random(seed);
  }

  /** The tree as text with the fault; {@code null} when the tree has no place for it (e.g. no string to break). */
  static String write(JsonNode tree, Fault fault, long seed) {
    FaultyJson w = new FaultyJson(fault, seed);
    String text = w.render(tree);
    return switch (fault) {
      case PROSE -> "Sure! Here is the answer you asked for: " + text + "\nLet me know if you need more.";
      case FENCE -> "```json\n" + text + "\n```";
      case TRUNCATED -> {
        int cut = text.length();
        while (cut > 0 && (text.charAt(cut - 1) == '}' || text.charAt(cut - 1) == ']' || text.charAt(cut - 1) == '\n'
            || text.charAt(cut - 1) == ' ')) {
          cut--;
        }
        yield cut == text.length() ? null : text.substring(0, cut);
      }
      default -> w.placed ? text : null;
    };
  }

  private String render(JsonNode tree) {
    // first pass counts the places the fault could go; the second puts it in one of them
    value(tree, 0, true);
    int sites = faultSites.size();
    out.setLength(0);
    faultSites.clear();
    target = sites == 0 ? -1 : random.nextInt(sites);
    value(tree, 0, false);
    return out.toString();
  }

  private int target = -1;

  /** Whether this fault site is the chosen one (always true for faults that apply everywhere). */
  private boolean site(boolean counting) {
    faultSites.add(out.length());
    boolean hit = !counting && faultSites.size() - 1 == target;
    placed |= hit;
    return hit;
  }

  private void value(JsonNode n, int depth, boolean counting) {
    if (n.isObject()) {
      out.append('{');
      int i = 0;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (i > 0) {
          boolean dropComma = fault == Fault.MISSING_COMMA && site(counting);
          out.append(dropComma ? "" : ",");
        }
        out.append('\n').append("  ".repeat(depth + 1));
        if (fault == Fault.COMMENT && site(counting)) {
          out.append(random.nextBoolean() ? "// a note from the model\n" + "  ".repeat(depth + 1) : "/* note */ ");
        }
        if (fault == Fault.UNQUOTED_KEYS) {
          placed = true;
          out.append(e.getKey());
        } else {
          string(e.getKey(), false);
        }
        out.append(": ");
        value(e.getValue(), depth + 1, counting);
        i++;
      }
      if (i > 0 && fault == Fault.TRAILING_COMMA && site(counting)) {
        out.append(',');
      }
      out.append('\n').append("  ".repeat(depth)).append('}');
    } else if (n.isArray()) {
      out.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        value(n.get(i), depth + 1, counting);
      }
      if (n.size() > 0 && fault == Fault.TRAILING_COMMA && site(counting)) {
        out.append(',');
      }
      out.append(']');
    } else if (n.isString()) {
      string(n.stringValue(), true);
    } else if (n.isBoolean() && fault == Fault.PYTHON_LITERALS) {
      placed = true;
      out.append(n.booleanValue() ? "True" : "False");
    } else if (n.isNull() && fault == Fault.PYTHON_LITERALS) {
      placed = true;
      out.append("None");
    } else {
      out.append(n);
    }
  }

  private void string(String s, boolean isValue) {
    char quote = fault == Fault.SINGLE_QUOTES ? '\'' : '"';
    placed |= fault == Fault.SINGLE_QUOTES;
    out.append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n' && fault == Fault.RAW_NEWLINES && isValue) {
        placed = true;
        out.append('\n');
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append(quote);
  }
}
