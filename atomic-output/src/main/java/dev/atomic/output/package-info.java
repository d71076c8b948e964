/**
 * Structured output: from a Java type to the instructions a model needs, and from what the model wrote back to a valid
 * value of the type. The entry point is {@link dev.atomic.output.StructuredOutput}; failures are
 * {@link dev.atomic.output.OutputException}s, and re-asking lives in {@code dev.atomic.output.recover}.
 */
package dev.atomic.output;
