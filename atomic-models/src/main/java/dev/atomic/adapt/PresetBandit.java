package dev.atomic.adapt;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Thompson sampling over the {@link DecodingPreset}s of one microtask kind: each preset's success rate has a
 * Beta(1 + successes, 1 + failures) posterior; {@link #choose} draws from each and picks the best draw, so presets that
 * have done well are used more while the others are still tried now and then. Graded outcomes count fractionally.
 * The caller passes the random source, so choices are reproducible from a seed. Thread-safe.
 */
public final class PresetBandit {

  /** Most presets one kind may have; a bandit over more arms would learn too slowly to be of use. */
  public static final int MAX_PRESETS = 64;

  private final String kind;
  private final List<DecodingPreset> presets;
  private final double[] successes;
  private final double[] failures;

  PresetBandit(String kind, List<DecodingPreset> presets) {
    this(kind, presets, new double[presets.size()], new double[presets.size()]);
  }

  private PresetBandit(String kind, List<DecodingPreset> presets, double[] successes, double[] failures) {
    this.kind = kind;
    this.presets = List.copyOf(presets);
    if (this.presets.isEmpty() || this.presets.size() > MAX_PRESETS) {
      throw new IllegalArgumentException("kind '" + kind + "' needs 1 to " + MAX_PRESETS + " presets, got "
          + this.presets.size());
    }
    Set<String> names = new HashSet<>();
    for (DecodingPreset p : this.presets) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("kind '" + kind + "' has two presets named '" + p.name() + "'");
      }
    }
    for (int i = 0; i < successes.length; i++) {
      if (!(successes[i] >= 0) || !(failures[i] >= 0) || Double.isInfinite(successes[i] + failures[i])) {
        throw new IllegalArgumentException("preset '" + this.presets.get(i).name() + "' has bad counts "
            + successes[i] + " / " + failures[i]);
      }
    }
    this.successes = successes.clone();
    this.failures = failures.clone();
  }

  static PresetBandit restore(PresetBanditState s) {
    return new PresetBandit(s.kind(), s.presets(), s.successes(), s.failures());
  }

  public String kind() {
    return kind;
  }

  public List<DecodingPreset> presets() {
    return presets;
  }

  /** The preset to use next: the one whose drawn success rate is highest. */
  public synchronized DecodingPreset choose(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    int best = 0;
    double bestDraw = -1;
    for (int i = 0; i < presets.size(); i++) {
      double draw = Beta.sample(1 + successes[i], 1 + failures[i], random);
      if (draw > bestDraw) {
        bestDraw = draw;
        best = i;
      }
    }
    return presets.get(best);
  }

  /** Learns the quality in [0, 1] of a result produced with the named preset. */
  public synchronized void observe(String presetName, double quality) {
    if (!(quality >= 0 && quality <= 1)) {
      throw new IllegalArgumentException("outcome quality must be in [0, 1], was " + quality);
    }
    int i = indexOf(presetName);
    successes[i] += quality;
    failures[i] += 1 - quality;
  }

  /** The posterior mean success rate of the named preset. */
  public synchronized double meanQuality(String presetName) {
    int i = indexOf(presetName);
    return (1 + successes[i]) / (2 + successes[i] + failures[i]);
  }

  public synchronized PresetBanditState state() {
    return new PresetBanditState(kind, presets, successes.clone(), failures.clone());
  }

  private int indexOf(String name) {
    for (int i = 0; i < presets.size(); i++) {
      if (presets.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("kind '" + kind + "' has no preset named '" + name + "'; it has "
        + presets.stream().map(DecodingPreset::name).toList());
  }

  /** Beta draws from two Gamma draws (Marsaglia and Tsang's method, 2000). */
  static final class Beta {
    private Beta() {}

    static double sample(double a, double b, RandomGenerator random) {
      double x = gamma(a, random);
      double y = gamma(b, random);
      return x / (x + y);
    }

    static double gamma(double shape, RandomGenerator random) {
      if (shape < 1) {
        // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
        return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
      }
      double d = shape - 1.0 / 3;
      double c = 1 / Math.sqrt(9 * d);
      while (true) {
        double x = random.nextGaussian();
        double v = 1 + c * x;
        if (v <= 0) {
          continue;
        }
        v = v * v * v;
        double u = random.nextDouble();
        if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
          return d * v;
        }
      }
    }
  }
}
