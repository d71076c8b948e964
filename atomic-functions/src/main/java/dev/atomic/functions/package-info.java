/**
 * Typed microtask functions: declare AI tasks as annotated methods of a Java interface and call them like any method.
 * Entry point: {@link dev.atomic.functions.Atomic#functions(Class)}. Every call becomes a microtask that the exchange
 * awards; the answer comes back as the method's return type, validated, or as a {@link dev.atomic.functions.Result}
 * with its decision and a feedback handle.
 */
package dev.atomic.functions;
