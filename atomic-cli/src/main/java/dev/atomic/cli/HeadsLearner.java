package dev.atomic.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.adapt.Adaptation;
import dev.atomic.adapt.AdaptationState;
import dev.atomic.server.DurableLearner;
import java.util.Objects;

/**
 * The configured models' adaptive heads as a {@link DurableLearner}: the service restores them from the ledger at
 * start and saves them when they have learned something since the last save.
 */
final class HeadsLearner implements DurableLearner {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Adaptation adaptation;

  HeadsLearner(Adaptation adaptation) {
    this.adaptation = Objects.requireNonNull(adaptation, "adaptation");
  }

  @Override
  public String name() {
    return "heads";
  }

  @Override
  public long version() {
    return adaptation.learned();
  }

  @Override
  public String stateJson() {
    try {
      return JSON.writeValueAsString(adaptation.state());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the heads' state cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void restore(String json) {
    try {
      adaptation.restore(JSON.readValue(json, AdaptationState.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the saved heads' state is not readable (" + e.getOriginalMessage()
          + "); delete the learner_state row named 'heads' to start the heads afresh", e);
    }
  }
}
