/**
 * The in-process engine: pipelines run on virtual threads, with a journal for crash recovery. Start at
 * {@link dev.atomic.engine.embedded.EmbeddedEngine}.
 */
package dev.atomic.engine.embedded;
