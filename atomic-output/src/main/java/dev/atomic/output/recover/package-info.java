/**
 * Recovery from output that does not parse: {@link dev.atomic.output.recover.ReaskingBidder} asks a
 * {@link dev.atomic.output.recover.Reaskable} model again with the problems, then leaves the failure to the exchange,
 * which escalates and learns it.
 */
package dev.atomic.output.recover;
