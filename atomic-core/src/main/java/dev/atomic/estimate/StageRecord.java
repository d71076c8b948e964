package dev.atomic.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * A cascade's own record, stage by stage: how often each stage stopped the cascade or passed it on, and how good the
 * answers each stage returned were. What {@link CascadeBelief} composes with the members' records. Grows to the stages
 * it is told about. Not thread-safe; the {@link Estimator} guards it.
 */
final class StageRecord {

  private double[] stops = new double[0];
  private double[] passes = new double[0];
  private double[] right = new double[0];
  private double[] wrong = new double[0];

  static StageRecord restore(List<EstimatorSnapshot.Stage> stages) {
    StageRecord record = new StageRecord();
    record.grow(stages.size());
    for (int s = 0; s < stages.size(); s++) {
      EstimatorSnapshot.Stage stage = stages.get(s);
      record.stops[s] = stage.stops();
      record.passes[s] = stage.passes();
      record.right[s] = stage.right();
      record.wrong[s] = stage.wrong();
    }
    return record;
  }

  List<EstimatorSnapshot.Stage> state() {
    List<EstimatorSnapshot.Stage> state = new ArrayList<>(stops.length);
    for (int s = 0; s < stops.length; s++) {
      state.add(new EstimatorSnapshot.Stage(stops[s], passes[s], right[s], wrong[s]));
    }
    return state;
  }

  /** One award answered by stage {@code answered} (1-based) of {@code stageCount}: every earlier stage passed it on. */
  void observeStop(int answered, int stageCount) {
    grow(stageCount);
    for (int s = 0; s < answered - 1; s++) {
      passes[s]++;
    }
    if (answered < stageCount) {
      stops[answered - 1]++;
    }
  }

  /** The quality of an answer stage {@code answered} (1-based) returned. */
  void observeOutcome(int answered, double quality) {
    grow(answered);
    right[answered - 1] += quality;
    wrong[answered - 1] += 1 - quality;
  }

  /** Stage {@code s}'s (0-based) counts as a belief's stage, with its members; zero for a stage never recorded. */
  CascadeBelief.Stage stage(int s, List<CascadeBelief.Member> members) {
    if (s >= stops.length) {
      return new CascadeBelief.Stage(members, 0, 0, 0, 0);
    }
    return new CascadeBelief.Stage(members, stops[s], passes[s], right[s], wrong[s]);
  }

  private void grow(int stageCount) {
    if (stageCount > stops.length) {
      stops = java.util.Arrays.copyOf(stops, stageCount);
      passes = java.util.Arrays.copyOf(passes, stageCount);
      right = java.util.Arrays.copyOf(right, stageCount);
      wrong = java.util.Arrays.copyOf(wrong, stageCount);
    }
  }
}
