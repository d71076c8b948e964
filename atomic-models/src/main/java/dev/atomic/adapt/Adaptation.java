package dev.atomic.adapt;

import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Feedback;
import dev.atomic.models.embed.TextEmbedder;
import dev.atomic.models.local.ComputeCost;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inference-time adaptation: local models that learn, while the service runs, to take over the routine microtasks an
 * expensive model used to serve.
 *
 * <p>Design. Each head is a frozen {@link TextEmbedder} plus an online classifier, registered as a {@link Bidder} for one
 * microtask kind ({@link #logisticHead}, {@link #knnHead}). The application reports every outcome through
 * {@link #learn} (this is a {@link Learner}): an accepted output of that kind, whoever produced it, is embedded once
 * and becomes a label for every head of the kind and a verified example in the kind's {@link FewShotStore}. So when a
 * premium model serves and its answer is accepted, the local heads learn from it (online distillation), bid with a
 * confidence the exchange calibrates against their track record, and win the routine cases once they have earned it.
 * {@link #presets} keeps a Thompson-sampling bandit over decoding presets per kind. All learned state is bounded (caps
 * on classes, stored examples, presets and kinds) and exported by {@link #state()} as plain records.
 *
 * <p>Thread-safe. Create with {@link #builder(TextEmbedder)}.
 */
public final class Adaptation implements Learner {

  private final TextEmbedder embedder;
  private final double usdPerCpuMs;
  private final int minLabels;
  private final int maxClasses;
  private final double learningRate;
  private final int knnCapacity;
  private final int neighbours;
  private final double temperature;
  private final int fewShotCapacity;
  private final int maxKinds;
  private final double acceptAtLeast;
  private final Map<String, List<HeadBidder>> heads = new ConcurrentHashMap<>();
  private final Map<String, FewShotStore> fewShot = new ConcurrentHashMap<>();
  private final Map<String, PresetBandit> bandits = new ConcurrentHashMap<>();
  private final AtomicLong learned = new AtomicLong();
  private final AtomicLong ignored = new AtomicLong();

  private Adaptation(Builder b) {
    this.embedder = b.embedder;
    this.usdPerCpuMs = b.usdPerCpuMs;
    this.minLabels = b.minLabels;
    this.maxClasses = b.maxClasses;
    this.learningRate = b.learningRate;
    this.knnCapacity = b.knnCapacity;
    this.neighbours = b.neighbours;
    this.temperature = b.temperature;
    this.fewShotCapacity = b.fewShotCapacity;
    this.maxKinds = b.maxKinds;
    this.acceptAtLeast = b.acceptAtLeast;
  }

  public static Builder builder(TextEmbedder embedder) {
    return new Builder(embedder);
  }

  /** Adds a multinomial logistic head (AdaGrad) for {@code kind}, bidding as {@code bidderId}; register it with the exchange. */
  public Bidder logisticHead(String kind, String bidderId) {
    return add(kind, bidderId, "logistic head",
        new LogisticHead(embedder.dimension(), learningRate, minLabels, maxClasses));
  }

  /** Adds a k-nearest-neighbour head for {@code kind}, bidding as {@code bidderId}; register it with the exchange. */
  public Bidder knnHead(String kind, String bidderId) {
    return add(kind, bidderId, "knn head",
        new KnnHead(embedder.dimension(), knnCapacity, neighbours, temperature, minLabels, maxClasses));
  }

  private Bidder add(String kind, String bidderId, String description, ClassifierHead head) {
    Microtask.checkKind(kind);
    Objects.requireNonNull(bidderId, "bidderId");
    if (bidderId.isBlank()) {
      throw new IllegalArgumentException("bidder id must not be blank");
    }
    synchronized (heads) {
      boolean taken = heads.values().stream().flatMap(List::stream).anyMatch(h -> h.id().equals(bidderId));
      if (taken) {
        throw new IllegalArgumentException("a head with bidder id '" + bidderId + "' exists already");
      }
      checkKindRoom(kind);
      HeadBidder bidder = new HeadBidder(bidderId, kind, description, embedder, head,
          ComputeCost.of(usdPerCpuMs, 1.0));
      heads.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(bidder);
      return bidder;
    }
  }

  /**
   * Learns from one outcome: when the feedback's quality is at least the acceptance threshold, the input is text and the
   * output is not null, the output's text becomes a label for every head of the task's kind and a verified example.
   */
  @Override
  public boolean learn(Microtask task, Object output, Feedback feedback) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(feedback, "feedback");
    if (feedback.quality() < acceptAtLeast || output == null || !(Inputs.text(task.input()).orElse(null) instanceof String text)) {
      ignored.incrementAndGet();
      return false;
    }
    List<HeadBidder> kindHeads = heads.getOrDefault(task.kind(), List.of());
    FewShotStore store = fewShotStore(task.kind());
    if (kindHeads.isEmpty() && store == null) {
      ignored.incrementAndGet();
      return false;
    }
    String input = text.toString();
    String label = output.toString();
    float[] embedding = embedder.embed(input);
    for (HeadBidder h : kindHeads) {
      h.head().learn(embedding, label);
    }
    if (store != null) {
      store.add(input, label, embedding);
    }
    learned.incrementAndGet();
    return true;
  }

  /** The verified examples of {@code kind}, the store {@link #learn} fills; empty until something was learned. */
  public FewShotStore fewShot(String kind) {
    Microtask.checkKind(kind);
    FewShotStore store = fewShotStore(kind);
    if (store == null) {
      throw new IllegalStateException("no few-shot store for '" + kind + "': the cap of " + maxKinds
          + " kinds with learned state is reached");
    }
    return store;
  }

  private FewShotStore fewShotStore(String kind) {
    FewShotStore store = fewShot.get(kind);
    if (store != null) {
      return store;
    }
    synchronized (fewShot) {
      if (fewShot.size() >= maxKinds && !fewShot.containsKey(kind)) {
        return null;
      }
      return fewShot.computeIfAbsent(kind, k -> new FewShotStore(k, embedder, fewShotCapacity));
    }
  }

  /** The preset bandit of {@code kind}, created with {@code presets} on first call; later calls return the same one. */
  public PresetBandit presets(String kind, List<DecodingPreset> presets) {
    Microtask.checkKind(kind);
    Objects.requireNonNull(presets, "presets");
    synchronized (bandits) {
      PresetBandit existing = bandits.get(kind);
      if (existing != null) {
        return existing;
      }
      if (bandits.size() >= maxKinds) {
        throw new IllegalArgumentException("cannot add presets for '" + kind + "': the cap of " + maxKinds
            + " kinds is reached");
      }
      PresetBandit bandit = new PresetBandit(kind, presets);
      bandits.put(kind, bandit);
      return bandit;
    }
  }

  private void checkKindRoom(String kind) {
    if (!heads.containsKey(kind) && heads.size() >= maxKinds) {
      throw new IllegalArgumentException("cannot add a head for '" + kind + "': the cap of " + maxKinds
          + " kinds is reached");
    }
  }

  /** How many outcomes became labels. */
  public long learned() {
    return learned.get();
  }

  /** How many outcomes were not used: rejected, without an output, or with a non-text input. */
  public long ignored() {
    return ignored.get();
  }

  /** The bytes held by the learned state of every head and few-shot store, from the sizes of their arrays. */
  public long memoryBytes() {
    long total = 0;
    for (List<HeadBidder> list : heads.values()) {
      for (HeadBidder h : list) {
        total += h.head().memoryBytes();
      }
    }
    for (FewShotStore s : fewShot.values()) {
      total += s.memoryBytes();
    }
    return total;
  }

  /** The bytes held by the learned state of one head bidder. */
  public long memoryBytes(String bidderId) {
    return find(bidderId).head().memoryBytes();
  }

  /** Everything learned, in a stable order. */
  public AdaptationState state() {
    List<HeadEntry> entries = new ArrayList<>();
    heads.forEach((kind, list) -> list.forEach(h -> entries.add(switch (h.head()) {
      case LogisticHead l -> new HeadEntry(kind, h.id(), l.state(), null);
      case KnnHead k -> new HeadEntry(kind, h.id(), null, k.state());
    })));
    entries.sort(Comparator.comparing(HeadEntry::kind).thenComparing(HeadEntry::bidder));
    List<FewShotState> stores = fewShot.values().stream().map(FewShotStore::state)
        .sorted(Comparator.comparing(FewShotState::kind)).toList();
    List<PresetBanditState> presetStates = bandits.values().stream().map(PresetBandit::state)
        .sorted(Comparator.comparing(PresetBanditState::kind)).toList();
    return new AdaptationState(embedder.id(), entries, stores, presetStates);
  }

  /**
   * Replaces what was learned by {@code state}, in place: bidders already registered with an exchange go on with the
   * restored heads. Heads are matched by kind and bidder id and must have been added with the same type; few-shot stores
   * and preset bandits are replaced as a whole. Nothing changes when the state does not fit.
   */
  public void restore(AdaptationState state) {
    Objects.requireNonNull(state, "state");
    if (!state.embedder().equals(embedder.id())) {
      throw new IllegalArgumentException("state was learned on embeddings of '" + state.embedder()
          + "' but this adaptation uses '" + embedder.id() + "'");
    }
    List<Runnable> swaps = new ArrayList<>();
    for (HeadEntry e : state.heads()) {
      HeadBidder current = find(e.bidder());
      if (!current.kind().equals(e.kind())) {
        throw new IllegalArgumentException("head '" + e.bidder() + "' serves '" + current.kind()
            + "' but the state is for '" + e.kind() + "'");
      }
      ClassifierHead restored = e.logistic() != null ? LogisticHead.restore(e.logistic()) : KnnHead.restore(e.knn());
      if (restored.getClass() != current.head().getClass()) {
        throw new IllegalArgumentException("head '" + e.bidder() + "' is a " + current.head().getClass().getSimpleName()
            + " but the state is for a " + restored.getClass().getSimpleName());
      }
      swaps.add(() -> current.replaceHead(restored));
    }
    List<FewShotStore> stores = state.fewShot().stream().map(s -> FewShotStore.restore(s, embedder)).toList();
    List<PresetBandit> restoredBandits = state.presets().stream().map(PresetBandit::restore).toList();
    // Everything validated: now swap in.
    swaps.forEach(Runnable::run);
    stores.forEach(s -> fewShot.put(s.kind(), s));
    restoredBandits.forEach(b -> bandits.put(b.kind(), b));
  }

  /** The head bidder registered under {@code bidderId}. */
  public Bidder head(String bidderId) {
    return find(bidderId);
  }

  private HeadBidder find(String bidderId) {
    return heads.values().stream().flatMap(List::stream).filter(h -> h.id().equals(bidderId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no head has bidder id '" + bidderId + "'"));
  }

  /** Configures an {@link Adaptation}; each setter checks its value at once. */
  public static final class Builder {
    private final TextEmbedder embedder;
    private double usdPerCpuMs = ComputeCost.DEFAULT_USD_PER_CPU_MS;
    private int minLabels = 20;
    private int maxClasses = 256;
    private double learningRate = 0.5;
    private int knnCapacity = 10_000;
    private int neighbours = 7;
    private double temperature = 0.05;
    private int fewShotCapacity = 256;
    private int maxKinds = 1024;
    private double acceptAtLeast = 0.5;

    private Builder(TextEmbedder embedder) {
      this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /** Price of local compute, USD per CPU-millisecond. */
    public Builder usdPerCpuMs(double usd) {
      if (!(usd >= 0) || Double.isInfinite(usd)) {
        throw new IllegalArgumentException("usdPerCpuMs must be a finite amount >= 0, was " + usd);
      }
      this.usdPerCpuMs = usd;
      return this;
    }

    /** Labels a head needs before it bids. */
    public Builder minLabels(int labels) {
      this.minLabels = atLeast("minLabels", labels, 1);
      return this;
    }

    /** Most classes a head learns; labels of further classes are ignored. */
    public Builder maxClasses(int classes) {
      this.maxClasses = atLeast("maxClasses", classes, 2);
      return this;
    }

    /** AdaGrad's base step for logistic heads. */
    public Builder learningRate(double rate) {
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("learningRate must be a finite number > 0, was " + rate);
      }
      this.learningRate = rate;
      return this;
    }

    /** Most examples a knn head keeps (the oldest are forgotten first); each takes dimension + 8 bytes. */
    public Builder knnCapacity(int examples) {
      this.knnCapacity = atLeast("knnCapacity", examples, 1);
      return this;
    }

    /** How many neighbours vote in a knn head. */
    public Builder neighbours(int k) {
      this.neighbours = atLeast("neighbours", k, 1);
      return this;
    }

    /** Softness of the knn vote: smaller lets the nearest neighbour dominate. */
    public Builder temperature(double t) {
      if (!(t > 0) || Double.isInfinite(t)) {
        throw new IllegalArgumentException("temperature must be a finite number > 0, was " + t);
      }
      this.temperature = t;
      return this;
    }

    /** Most verified examples kept per kind for few-shot prompts. */
    public Builder fewShotCapacity(int examples) {
      this.fewShotCapacity = atLeast("fewShotCapacity", examples, 1);
      return this;
    }

    /** Most microtask kinds that may hold learned state. */
    public Builder maxKinds(int kinds) {
      this.maxKinds = atLeast("maxKinds", kinds, 1);
      return this;
    }

    /** Least feedback quality for an output to count as a label. */
    public Builder acceptAtLeast(double quality) {
      if (!(quality > 0 && quality <= 1)) {
        throw new IllegalArgumentException("acceptAtLeast must be in (0, 1], was " + quality);
      }
      this.acceptAtLeast = quality;
      return this;
    }

    public Adaptation build() {
      return new Adaptation(this);
    }

    private static int atLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
      }
      return value;
    }
  }
}
