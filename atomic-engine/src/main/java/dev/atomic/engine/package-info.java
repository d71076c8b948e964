/**
 * Pipelines: request-level graphs of microtask steps, checked on load and run by an engine. Start at
 * {@link dev.atomic.engine.Pipeline} (or {@link dev.atomic.engine.yaml.PipelineYaml} for YAML), with kinds registered in
 * {@link dev.atomic.engine.StepKinds}; run it with {@link dev.atomic.engine.embedded.EmbeddedEngine}, or on Temporal with
 * the {@code atomic-temporal} module.
 */
package dev.atomic.engine;
