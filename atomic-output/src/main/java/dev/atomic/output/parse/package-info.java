/**
 * Lenient, schema-aligned parsing of what models write. {@link dev.atomic.output.parse.LenientParser} finds and reads
 * the values in an output, repairing syntax; {@link dev.atomic.output.parse.SchemaAligner} bends a value towards its
 * schema; both report every change as a {@link dev.atomic.output.parse.Repair}.
 */
package dev.atomic.output.parse;
