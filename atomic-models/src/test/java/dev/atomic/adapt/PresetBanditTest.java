package dev.atomic.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PresetBanditTest {

  private static final List<DecodingPreset> PRESETS = List.of(
      new DecodingPreset("cold-short", 0.0, 64, "terse"),
      new DecodingPreset("warm-long", 0.7, 512, "verbose"),
      new DecodingPreset("hot", 1.2, 256, "terse"));

  @Test
  void choose_afterOutcomes_prefersThePresetThatSucceeds() {
    PresetBandit bandit = new PresetBandit("email.summary", PRESETS);
    SplittableRandom random = new SplittableRandom(42);
    Map<String, Double> successRate = Map.of("cold-short", 0.9, "warm-long", 0.6, "hot", 0.3);
    Map<String, Integer> chosen = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      DecodingPreset p = bandit.choose(random);
      chosen.merge(p.name(), 1, Integer::sum);
      bandit.observe(p.name(), random.nextDouble() < successRate.get(p.name()) ? 1 : 0);
    }
    assertThat(chosen.get("cold-short")).isGreaterThan(800);
    assertThat(bandit.meanQuality("cold-short")).isBetween(0.85, 0.95);
  }

  @Test
  void choose_sameSeedSameOutcomes_makesTheSameChoices() {
    assertThat(run(7)).isEqualTo(run(7));
  }

  private static List<String> run(long seed) {
    PresetBandit bandit = new PresetBandit("k", PRESETS);
    SplittableRandom random = new SplittableRandom(seed);
    List<String> choices = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      DecodingPreset p = bandit.choose(random);
      choices.add(p.name());
      bandit.observe(p.name(), i % 3 == 0 ? 0 : 1);
    }
    return choices;
  }

  @Test
  void restore_exportedState_choosesIdentically() {
    PresetBandit bandit = new PresetBandit("k", PRESETS);
    bandit.observe("hot", 1);
    bandit.observe("warm-long", 0.25);
    PresetBandit copy = PresetBandit.restore(bandit.state());
    SplittableRandom a = new SplittableRandom(3);
    SplittableRandom b = new SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      assertThat(copy.choose(b)).isEqualTo(bandit.choose(a));
    }
  }

  @Test
  void observe_unknownPresetOrBadQuality_isRejectedClearly() {
    PresetBandit bandit = new PresetBandit("k", PRESETS);
    assertThatThrownBy(() -> bandit.observe("nope", 1)).hasMessageContaining("no preset named 'nope'");
    assertThatThrownBy(() -> bandit.observe("hot", 1.5)).hasMessageContaining("1.5");
  }

  @Test
  void constructor_duplicateNamesOrTooMany_isRejected() {
    assertThatThrownBy(() -> new PresetBandit("k", List.of(PRESETS.get(0), PRESETS.get(0))))
        .hasMessageContaining("two presets named 'cold-short'");
    List<DecodingPreset> many = java.util.stream.IntStream.range(0, 65)
        .mapToObj(i -> new DecodingPreset("p" + i, 0.5, 10, "v")).toList();
    assertThatThrownBy(() -> new PresetBandit("k", many)).hasMessageContaining("got 65");
  }

  @Test
  void beta_sample_hasTheRightMean() {
    SplittableRandom random = new SplittableRandom(9);
    double sum = 0;
    for (int i = 0; i < 20_000; i++) {
      sum += PresetBandit.Beta.sample(2, 6, random);
    }
    assertThat(sum / 20_000).isBetween(0.24, 0.26);
  }
}
