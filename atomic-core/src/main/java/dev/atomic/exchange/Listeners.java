package dev.atomic.exchange;

import dev.atomic.task.Microtask;
import java.lang.System.Logger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The registered listeners, each call guarded: a listener that throws is logged (through the JDK's platform logger, so
 * the core needs no logging library) and counted, and the next listener still hears the event.
 */
final class Listeners implements ExchangeListener {

  static final ExchangeListener NONE = new ExchangeListener() {};
  private static final Logger LOG = System.getLogger(Exchange.class.getName());

  private final List<ExchangeListener> listeners;
  private final AtomicLong failures = new AtomicLong();

  Listeners(List<ExchangeListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  long failures() {
    return failures.get();
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    each(l -> l.onDecision(task, decision));
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    each(l -> l.onExecution(task, execution));
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    each(l -> l.onFailure(task, failure));
  }

  @Override
  public void onFeedback(String decisionId, Feedback feedback) {
    each(l -> l.onFeedback(decisionId, feedback));
  }

  private void each(Consumer<ExchangeListener> call) {
    for (ExchangeListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (Exception e) {
        failures.incrementAndGet();
        LOG.log(Logger.Level.WARNING, "exchange listener " + listener.getClass().getName() + " failed", e);
      }
    }
  }
}
