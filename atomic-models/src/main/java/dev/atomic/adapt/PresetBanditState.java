package dev.atomic.adapt;

import java.util.List;

/**
 * What a {@link PresetBandit} has learned, as plain values the store can persist as JSON.
 *
 * @param kind the microtask kind
 * @param presets the presets, in order
 * @param successes each preset's summed outcome quality
 * @param failures each preset's summed shortfall ({@code 1 - quality})
 */
public record PresetBanditState(String kind, List<DecodingPreset> presets, double[] successes, double[] failures) {

  public PresetBanditState {
    presets = List.copyOf(presets);
    if (successes.length != presets.size() || failures.length != presets.size()) {
      throw new IllegalArgumentException("preset bandit state is inconsistent: " + presets.size() + " presets, "
          + successes.length + " successes, " + failures.length + " failures");
    }
  }
}
