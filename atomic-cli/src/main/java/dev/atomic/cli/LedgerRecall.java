package dev.atomic.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.adapt.LearningListener;
import dev.atomic.store.AwardView;
import dev.atomic.store.Ledger;
import dev.atomic.store.TaskView;
import dev.atomic.task.Microtask;
import java.util.Objects;
import java.util.Optional;

/**
 * Recalls what a decision served from the ledger, for feedback that arrives after the served task has left the
 * {@link LearningListener}'s memory: long after, or after a restart. The task comes back with its id, kind, tenant and
 * input as the API received them (JSON), the output as it was recorded, so the heads learn exactly what they would
 * have learned from memory.
 */
final class LedgerRecall implements LearningListener.Recall {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Ledger ledger;

  LedgerRecall(Ledger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  @Override
  public Optional<LearningListener.Served> served(String decisionId) {
    Optional<AwardView> award = ledger.award(decisionId);
    if (award.isEmpty() || award.get().outputJson() == null) {
      return Optional.empty();
    }
    return ledger.task(award.get().decision().taskId())
        .map(task -> new LearningListener.Served(microtask(task), read(award.get().outputJson())));
  }

  private static Microtask microtask(TaskView task) {
    Microtask.Builder builder = Microtask.builder(task.kind()).id(task.id()).tenant(task.tenant());
    if (task.inputJson() != null) {
      builder.input(read(task.inputJson()));
    }
    return builder.build();
  }

  private static Object read(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the ledger holds JSON it cannot read back: " + e.getOriginalMessage(), e);
    }
  }
}
