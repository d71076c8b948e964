/**
 * Validation of values against JSON Schema draft 2020-12; the entry point is
 * {@link dev.atomic.output.validate.SchemaValidator}.
 */
package dev.atomic.output.validate;
