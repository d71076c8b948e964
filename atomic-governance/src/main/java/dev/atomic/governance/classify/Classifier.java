package dev.atomic.governance.classify;

import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the data classes in a microtask's input, so that data policies act on what it really contains.
 *
 * {@snippet :
 * Classifier classifier = Classifier.standard();
 * Microtask classified = classifier.classify(task);   // task.dataClasses() plus e.g. "pii.email", "pci.card"
 * Decision decision = exchange.award(classified);
 * }
 *
 * <p>When two detectors claim overlapping text, the more specific class wins: private key, API key, JWT, card, IBAN,
 * national id, e-mail, phone, then high-entropy strings and custom detectors. Immutable and thread-safe.
 */
public final class Classifier {

  private static final Pattern CLASS_NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
  private static final Map<String, Integer> RANK = Map.of(
      DataClasses.PRIVATE_KEY, 0, DataClasses.API_KEY, 1, DataClasses.JWT, 2, DataClasses.CARD, 3,
      DataClasses.IBAN, 4, DataClasses.NATIONAL_ID, 5, DataClasses.EMAIL, 6, DataClasses.PHONE, 7,
      DataClasses.HIGH_ENTROPY, 8);

  private final List<Detector> detectors;
  private final Set<String> declared;

  private Classifier(List<Detector> detectors, Set<String> declared) {
    this.detectors = List.copyOf(detectors);
    this.declared = Set.copyOf(declared);
  }

  /** All built-in detectors, no declared classes. */
  public static Classifier standard() {
    return builder().standardDetectors().build();
  }

  /** Starts an empty classifier: add the standard detectors, your own, and declared classes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every detected value in one text, without overlaps, in text order, and the classes present. */
  public Classification scan(String text) {
    Objects.requireNonNull(text, "text");
    List<Span> found = new ArrayList<>();
    for (Detector detector : detectors) {
      detector.scan(text, found::add);
    }
    List<Span> kept = withoutOverlaps(found);
    Set<String> classes = new HashSet<>(declared);
    kept.forEach(s -> classes.add(s.dataClass()));
    return new Classification(classes, kept);
  }

  /** The data classes of every text in an input (strings, maps, collections, records; see the module docs). */
  public Set<String> classesOf(Object input) {
    Set<String> classes = new LinkedHashSet<>(declared);
    Texts.each(input, text -> classes.addAll(scan(text).classes()));
    return Set.copyOf(classes);
  }

  /** The task with the classes detected in its input (and the declared ones) added to those it already had. */
  public Microtask classify(Microtask task) {
    Objects.requireNonNull(task, "task");
    Set<String> classes = new HashSet<>(task.dataClasses());
    classes.addAll(classesOf(task.input()));
    if (classes.equals(task.dataClasses())) {
      return task;
    }
    return new Microtask(task.id(), task.kind(), task.input(), task.outputType(), task.constraints(), classes,
        task.tenant(), task.features());
  }

  /**
   * Keeps the most specific span wherever spans overlap (and, among spans of one class starting at one place, the
   * longest that fits); linearithmic in the number of spans.
   */
  private static List<Span> withoutOverlaps(List<Span> found) {
    if (found.size() <= 1) {
      return found;
    }
    found.sort(Comparator.<Span>comparingInt(s -> RANK.getOrDefault(s.dataClass(), RANK.size()))
        .thenComparingInt(Span::start)
        .thenComparingInt(s -> s.start() - s.end()));
    TreeMap<Integer, Span> kept = new TreeMap<>();
    for (Span span : found) {
      Map.Entry<Integer, Span> before = kept.floorEntry(span.start());
      Map.Entry<Integer, Span> after = kept.ceilingEntry(span.start());
      boolean clash = (before != null && before.getValue().overlaps(span))
          || (after != null && after.getValue().overlaps(span));
      if (!clash) {
        kept.put(span.start(), span);
      }
    }
    return List.copyOf(kept.values());
  }

  /** Configures a {@link Classifier}; each method checks its value at once. */
  public static final class Builder {
    private final List<Detector> detectors = new ArrayList<>();
    private final Set<String> declared = new LinkedHashSet<>();

    private Builder() {}

    /** Adds the built-in detectors: e-mail, phone, card, IBAN, national ids, secrets. */
    public Builder standardDetectors() {
      detectors.add(new SecretDetector());
      detectors.add(new CardDetector());
      detectors.add(new IbanDetector());
      detectors.add(new NationalIdDetector());
      detectors.add(new EmailDetector());
      detectors.add(new PhoneDetector());
      return this;
    }

    /** Adds a detector of your own; it must be linear in its input and never throw. */
    public Builder detector(Detector detector) {
      detectors.add(Objects.requireNonNull(detector, "detector"));
      return this;
    }

    /** Declares a class every input is said to contain, whatever is detected (e.g. {@code phi} for a clinic). */
    public Builder declare(String dataClass) {
      declared.add(checkClassName(dataClass));
      return this;
    }

    public Classifier build() {
      if (detectors.isEmpty() && declared.isEmpty()) {
        throw new IllegalStateException("a classifier needs at least one detector or declared class");
      }
      return new Classifier(detectors, declared);
    }
  }

  /** Throws unless the name is dotted lower case, such as {@code pii.email}. */
  public static String checkClassName(String name) {
    if (name == null || name.length() > 100 || !CLASS_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a data class must be a dotted lower-case name such as 'pii.email', was '" + name + "'");
    }
    return name;
  }
}
