/**
 * Models declared in configuration: {@link dev.atomic.models.config.ModelsConfig#read} reads the {@code models:}
 * section of a YAML file into {@link dev.atomic.models.config.ModelSpec}s, and
 * {@link dev.atomic.models.config.ConfiguredModels#create} turns them into bidders. API keys are named, never written,
 * in the file: each is looked up in {@link dev.atomic.models.llm.Secrets}.
 */
package dev.atomic.models.config;
