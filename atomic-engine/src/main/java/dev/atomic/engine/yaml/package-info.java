/**
 * Pipelines written in YAML. Start at {@link dev.atomic.engine.yaml.PipelineYaml}.
 */
package dev.atomic.engine.yaml;
