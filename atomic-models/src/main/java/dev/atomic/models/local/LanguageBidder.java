package dev.atomic.models.local;

import dev.atomic.AtomicException;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.Usage;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Identifies the language of a text with Apache OpenNLP's language detector (103 languages, ISO 639-3 codes such as
 * {@code eng}, {@code fra}), the model shipped in {@code org.apache.opennlp:opennlp-models-langdetect}. Its output is
 * the code; its bid's quality is the model's own confidence in it, which the exchange calibrates.
 */
public final class LanguageBidder implements Bidder {

  /** What answers, for the records: a character n-gram model has no tokens to count. */
  static final Usage MODEL = Usage.model("opennlp-langdetect");

  /** The model file inside the Maven artifact. */
  static final String MODEL_RESOURCE = "/langdetect-183.bin";
  private static final int RECENT = 64;

  private final String id;
  private final String kind;
  private final LanguageDetectorME detector;
  /**
   * The last texts detected (guarded by the detector's lock): a microtask's bid needs the language's confidence and its
   * serving the language, so without it every text would be detected twice.
   */
  private final Map<String, Language> recent = new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Language> eldest) {
      return size() > RECENT;
    }
  };
  private final ComputeCost cost;

  private LanguageBidder(String id, String kind, LanguageDetectorME detector, ComputeCost cost) {
    this.id = id;
    this.kind = kind;
    this.detector = detector;
    this.cost = cost;
  }

  /** Loads the model (about half a second) and bids for microtasks of {@code kind} whose input is text. */
  public static LanguageBidder load(String id, String kind, ComputeCost cost) {
    Objects.requireNonNull(id, "id");
    Microtask.checkKind(kind);
    Objects.requireNonNull(cost, "cost");
    try (InputStream in = LanguageBidder.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new AtomicException("the language model " + MODEL_RESOURCE
            + " is not on the classpath; add org.apache.opennlp:opennlp-models-langdetect");
      }
      return new LanguageBidder(id, kind, new LanguageDetectorME(new LanguageDetectorModel(in)), cost);
    } catch (IOException e) {
      throw new AtomicException("cannot read the language model " + MODEL_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The most likely language of {@code text}, with the model's confidence. */
  public Language detect(String text) {
    // LanguageDetectorME keeps no per-call state, but the docs do not promise thread safety: serialise calls.
    synchronized (detector) {
      Language known = recent.get(text);
      if (known != null) {
        return known;
      }
      Language best = detector.predictLanguage(text);
      recent.put(text, best);
      return best;
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    if (!task.kind().equals(kind) || !(Inputs.text(task.input()).orElse(null) instanceof String text) || text.isEmpty()) {
      return Optional.empty();
    }
    Language best = detect(text.toString());
    double quality = Math.clamp(best.getConfidence(), 0, 1);
    return Optional.of(new Bid(quality, 0, cost.expectedUsd(), cost.expectedLatency(),
        "opennlp langdetect: " + best.getLang() + " at " + String.format(java.util.Locale.ROOT, "%.3f", quality)));
  }

  @Override
  public Answer serve(Microtask task) {
    if (!(Inputs.text(task.input()).orElse(null) instanceof String text)) {
      throw new IllegalArgumentException("language detection needs a text input, got "
          + (task.input() == null ? "null" : task.input().getClass().getName()));
    }
    long start = System.nanoTime();
    Language best = detect(text.toString());
    long nanos = System.nanoTime() - start;
    return new Answer(best.getLang(), cost.charge(nanos), Duration.ofNanos(nanos),
        Math.clamp(best.getConfidence(), 0, 1), MODEL);
  }
}
