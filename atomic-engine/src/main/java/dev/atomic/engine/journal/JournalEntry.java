package dev.atomic.engine.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.atomic.engine.CallOutcome;
import java.util.Objects;

/** One line of a run's journal: the run started, a call was served, or the run ended. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JournalEntry.RunStarted.class, name = "started"),
    @JsonSubTypes.Type(value = JournalEntry.CallCompleted.class, name = "served"),
    @JsonSubTypes.Type(value = JournalEntry.RunEnded.class, name = "ended")})
public sealed interface JournalEntry {

  /** The run began: which pipeline, on what request, for which tenant. */
  record RunStarted(String pipeline, String requestJson, String tenant) implements JournalEntry {
    public RunStarted {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(requestJson, "requestJson");
      Objects.requireNonNull(tenant, "tenant");
    }
  }

  /** A call was awarded and served; a resumed run takes its output from here and does not pay again. */
  record CallCompleted(CallOutcome outcome) implements JournalEntry {
    public CallCompleted {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** The run ended, with its status and, when it failed, why. */
  record RunEnded(String status, String failure) implements JournalEntry {
    public RunEnded {
      Objects.requireNonNull(status, "status");
    }
  }
}
