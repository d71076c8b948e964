/** Binding validated JSON to Java types; the entry point is {@link dev.atomic.output.bind.Binder}. */
package dev.atomic.output.bind;
