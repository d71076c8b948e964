/**
 * Who competes for microtasks: a {@link dev.atomic.bidding.Bidder} says what it expects in a
 * {@link dev.atomic.bidding.Bid} and, when it wins, serves the microtask with an {@link dev.atomic.bidding.Answer}.
 */
package dev.atomic.bidding;
