package dev.atomic.server;

/**
 * Something that learns beside the exchange (the adaptive heads, typically) and whose learned state the server keeps in
 * the ledger: restored when the server starts, saved at each checkpoint where it changed, and when the server stops.
 *
 * <p>The server teaches it nothing itself; what it learns from reaches it some other way (an exchange listener).
 */
public interface DurableLearner {

  /** The name its state is saved under; stable across restarts. */
  String name();

  /** A count that changes whenever what it learned changes, so unchanged states are not written again. */
  long version();

  /** Its learned state as JSON. */
  String stateJson();

  /** Replaces what it learned by a state {@link #stateJson()} wrote. */
  void restore(String json);
}
