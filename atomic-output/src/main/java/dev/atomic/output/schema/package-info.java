/**
 * From Java types to what a model needs to know: {@link dev.atomic.output.schema.TypeSchemas} makes the JSON Schema,
 * {@link dev.atomic.output.schema.TypeDescription} its compact rendering for prompts, and
 * {@link dev.atomic.output.schema.ResponseFormats} the native request formats of providers.
 */
package dev.atomic.output.schema;
