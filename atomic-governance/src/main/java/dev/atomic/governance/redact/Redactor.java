package dev.atomic.governance.redact;

import dev.atomic.governance.classify.Classifier;
import dev.atomic.governance.classify.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces the values a {@link Classifier} detects with placeholders, in a string or in the strings of a list, map or
 * record, and remembers them so that {@link Redacted#restore} can put them back.
 *
 * <p>Deterministic: the same input always gets the same placeholders, so a bid request and the serve call that follows
 * see the same redacted text. Immutable and thread-safe.
 */
public final class Redactor {

  private final Classifier classifier;
  private final List<String> patterns;

  private Redactor(Classifier classifier, List<String> patterns) {
    this.classifier = classifier;
    this.patterns = List.copyOf(patterns);
  }

  /** Redacts every class the classifier detects. */
  public static Redactor of(Classifier classifier) {
    return new Redactor(Objects.requireNonNull(classifier, "classifier"), List.of("*"));
  }

  /** Redacts only the classes matching the patterns ({@code pii.email}, {@code pii.*}, {@code *}). */
  public static Redactor of(Classifier classifier, Set<String> classPatterns) {
    Objects.requireNonNull(classifier, "classifier");
    if (classPatterns.isEmpty()) {
      throw new IllegalArgumentException("name at least one data class to redact, or '*'");
    }
    for (String p : classPatterns) {
      if (!p.equals("*")) {
        Classifier.checkClassName(p.endsWith(".*") ? p.substring(0, p.length() - 2) : p);
      }
    }
    return new Redactor(classifier, List.copyOf(classPatterns));
  }

  /** The input with each sensitive value replaced, and the placeholders. */
  public Redacted redact(Object input) {
    List<String> texts = new ArrayList<>();
    Structures.rewrite(input, s -> {
      texts.add(s);
      return s;
    });
    Placeholders placeholders = new Placeholders(texts);
    Object redacted = Structures.rewrite(input, s -> redactText(s, placeholders));
    return new Redacted(redacted, placeholders.originals());
  }

  private String redactText(String text, Placeholders placeholders) {
    List<Span> spans = classifier.scan(text).spans();
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span span : spans) {
      if (!covered(span.dataClass())) {
        continue;
      }
      out.append(text, at, span.start()).append(placeholders.of(span.dataClass(), span.in(text)));
      at = span.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  private boolean covered(String dataClass) {
    for (String p : patterns) {
      if (p.equals("*") || p.equals(dataClass)
          || (p.endsWith(".*") && dataClass.startsWith(p.substring(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
