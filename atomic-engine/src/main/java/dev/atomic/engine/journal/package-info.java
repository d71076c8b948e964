/**
 * Run journals, so that interrupted runs resume without serving a finished call twice. Start at
 * {@link dev.atomic.engine.journal.Journal}; {@link dev.atomic.engine.journal.FileJournal} survives the process,
 * {@link dev.atomic.engine.journal.InMemoryJournal} does not.
 */
package dev.atomic.engine.journal;
