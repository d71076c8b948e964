package dev.atomic.bidding;

/**
 * Where a streaming bidder sends its output as it is produced, when the microtask's input offers one
 * ({@link dev.atomic.task.Inputs#as}{@code (input, TokenSink.class)}). The bidder still returns the whole output in its
 * {@link Answer}; the sink only lets a caller see it early.
 */
@FunctionalInterface
public interface TokenSink {

  /** The next piece of the output. Must be quick; must not throw. */
  void accept(String chunk);
}
