/**
 * Atomic: an exchange where models bid for typed microtasks. Start at {@link dev.atomic.exchange.Exchange}.
 */
package dev.atomic;
