/**
 * The exchange: auctions each microtask among the eligible bidders and strategies, executes the award with escalation,
 * and learns from every outcome. Create one with {@link dev.atomic.exchange.Exchange#builder()}; every award yields a
 * readable, JSON-serialisable {@link dev.atomic.exchange.Decision}.
 */
package dev.atomic.exchange;
