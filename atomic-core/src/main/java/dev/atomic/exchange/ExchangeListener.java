package dev.atomic.exchange;

import dev.atomic.task.Microtask;

/**
 * Hears what the exchange does: each decision, each execution's end, each feedback. Metrics, tracing, the ledger, the
 * audit trail and live dashboards plug in here. Every method does nothing by default.
 *
 * <p>Called on the thread that did the work, after it is done. The exchange guards every call: a listener that throws is
 * logged and counted, never allowed to break an award. Listeners should be quick; hand heavy work to a queue.
 */
public interface ExchangeListener {

  /** An auction closed (awarded or not). */
  default void onDecision(Microtask task, Decision decision) {}

  /** An award was served: the accepted answer and every attempt on the way. */
  default void onExecution(Microtask task, Execution execution) {}

  /** Every attempt at serving an award failed. */
  default void onFailure(Microtask task, AwardFailedException failure) {}

  /** Feedback was applied to a decision. */
  default void onFeedback(String decisionId, Feedback feedback) {}

  /** A listener that hears nothing. */
  static ExchangeListener none() {
    return Listeners.NONE;
  }
}
