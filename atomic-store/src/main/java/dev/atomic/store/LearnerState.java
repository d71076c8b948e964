package dev.atomic.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The saved state of a learner beside the exchange, such as the adaptive heads.
 *
 * @param name the name it was saved under
 * @param version the learner's count of what it had learned when saved
 * @param json the state, as the learner wrote it
 * @param savedAt when it was saved
 */
public record LearnerState(String name, long version, String json, Instant savedAt) {

  public LearnerState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(savedAt, "savedAt");
  }
}
