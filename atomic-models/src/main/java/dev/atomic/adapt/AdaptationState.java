package dev.atomic.adapt;

import java.util.List;

/**
 * Everything an {@link Adaptation} has learned: heads, few-shot examples and preset bandits, as plain records the store
 * can persist as JSON and {@link Adaptation#restore} can load after a restart.
 */
public record AdaptationState(
    String embedder, List<HeadEntry> heads, List<FewShotState> fewShot, List<PresetBanditState> presets) {

  public AdaptationState {
    java.util.Objects.requireNonNull(embedder, "embedder");
    heads = List.copyOf(heads);
    fewShot = List.copyOf(fewShot);
    presets = List.copyOf(presets);
  }
}
