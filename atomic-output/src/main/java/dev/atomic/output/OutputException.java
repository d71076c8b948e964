package dev.atomic.output;

import dev.atomic.AtomicException;
import dev.atomic.output.parse.Repair;
import java.util.List;
import java.util.Objects;

/**
 * A model's output could not be turned into a valid value of the expected type: no value was found, it was ambiguous,
 * too large, or it did not match the schema even after repairs. Carries every problem with its JSON path, what was
 * expected and what was found, the repairs that were tried, and the raw output.
 */
public final class OutputException extends AtomicException {

  private static final int RAW_IN_MESSAGE = 200;

  private final Reason reason;
  private final transient List<Problem> problems;
  private final transient List<Repair> repairs;
  private final String raw;

  public OutputException(Reason reason, List<Problem> problems, List<Repair> repairs, String raw) {
    super(message(reason, problems, raw));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.problems = List.copyOf(problems);
    this.repairs = List.copyOf(repairs);
    this.raw = raw == null ? "" : raw;
  }

  /** A failure with one problem. */
  public static OutputException of(Reason reason, String path, String expected, String found, String raw) {
    return new OutputException(reason, List.of(new Problem(path, expected, found, "")), List.of(), raw);
  }

  /** Why the output was refused. */
  public Reason reason() {
    return reason;
  }

  /** Every problem found, at least one. */
  public List<Problem> problems() {
    return problems;
  }

  /** The JSON path of the first problem. */
  public String path() {
    return problems.isEmpty() ? "$" : problems.getFirst().path();
  }

  /** What the first problem expected. */
  public String expected() {
    return problems.isEmpty() ? "" : problems.getFirst().expected();
  }

  /** What the first problem found. */
  public String found() {
    return problems.isEmpty() ? "" : problems.getFirst().found();
  }

  /** Repairs applied before the output was refused. */
  public List<Repair> repairs() {
    return repairs;
  }

  /** The model's output, exactly as received. */
  public String raw() {
    return raw;
  }

  /** The problems as plain sentences, one per line, fit to show a model when asking it again. */
  public String feedback() {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append("- at ").append(p.path()).append(": expected ").append(p.expected()).append(", found ").append(p.found());
      if (!p.message().isEmpty()) {
        sb.append(" (").append(p.message()).append(')');
      }
    }
    return sb.toString();
  }

  private static String message(Reason reason, List<Problem> problems, String raw) {
    String shown = raw == null ? "" : raw.length() <= RAW_IN_MESSAGE ? raw : raw.substring(0, RAW_IN_MESSAGE) + "…";
    String first = problems.isEmpty() ? "" : problems.getFirst().toString();
    return "model output refused (" + reason + "): " + first
        + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more" : "")
        + "; raw output (" + (raw == null ? 0 : raw.length()) + " chars): " + shown.replace("\n", "\\n");
  }

  /** Why an output was refused. */
  public enum Reason {
    /** No JSON value (or enum word) was found in the output. */
    NO_VALUE,
    /** Several different values fit the schema equally well. */
    AMBIGUOUS,
    /** The output is larger or deeper than the parser's limits. */
    TOO_LARGE,
    /** A value was found, but it does not match the schema. */
    INVALID,
    /** The value matched the schema but could not be bound to the Java type. */
    UNBINDABLE
  }

  /**
   * One thing wrong with an output.
   *
   * @param path JSON path, {@code $} for the root
   * @param expected what the schema expected there
   * @param found what was there
   * @param message the validator's wording, or empty
   */
  public record Problem(String path, String expected, String found, String message) {
    public Problem {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(found, "found");
      message = message == null ? "" : message;
    }

    @Override
    public String toString() {
      return "at " + path + " expected " + expected + ", found " + found + (message.isEmpty() ? "" : " (" + message + ")");
    }
  }
}
