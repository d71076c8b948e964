package dev.atomic.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atomic.engine.journal.Journal;
import dev.atomic.engine.journal.JournalEntry;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline engine's {@link Journal} on the store's journal table, so a run interrupted by a crash resumes from the
 * database, in this process or another one on the same database: {@code cfg.journal(EngineJournal.on(store))}.
 *
 * <p>Entries are kept as the JSON the engine's own {@code FileJournal} writes (its plain mapper, the entry's type as a
 * {@code type} property), so the two journals hold the same lines.
 */
public final class EngineJournal implements Journal {

  private final RunJournal journal;
  private final ObjectMapper mapper = JsonMapper.builder().build();

  private EngineJournal(RunJournal journal) {
    this.journal = journal;
  }

  /** The engine journal on a store; each append is committed before it returns. */
  public static EngineJournal on(Store store) {
    return new EngineJournal(Objects.requireNonNull(store, "store").journal());
  }

  @Override
  public void append(String runId, JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    try {
      journal.append(runId, mapper.writeValueAsString(entry));
    } catch (JsonProcessingException e) {
      throw new StoreException("journal entry " + entry + " of run " + runId + " cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  @Override
  public List<JournalEntry> read(String runId) {
    return journal.entries(runId).stream().map(json -> entry(runId, json)).toList();
  }

  private JournalEntry entry(String runId, String json) {
    try {
      return mapper.readValue(json, JournalEntry.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("a journal entry of run " + runId + " is not an engine entry ("
          + e.getOriginalMessage() + "): " + Json.excerpt(json), e);
    }
  }
}
