package dev.atomic.engine;

import java.lang.System.Logger;
import java.util.function.Supplier;

/**
 * Calls into a {@link RunObserver}, which is its host's code, not the engine's: whatever it throws is logged and
 * swallowed, so that tracing or logging trouble never fails or stops a run. Engines call observers only through here.
 */
public final class ObserverCalls {

  private static final Logger LOG = System.getLogger(ObserverCalls.class.getName());

  private ObserverCalls() {}

  /** Tells the observer something about run {@code runId}; {@code what} names the notification in the log. */
  public static void tell(String runId, String what, Runnable notification) {
    ask(runId, what, () -> {
      notification.run();
      return null;
    });
  }

  /** Asks the observer for a watch or a value; null when it failed. */
  public static <T> T ask(String runId, String what, Supplier<T> notification) {
    try {
      return notification.get();
    } catch (Exception e) {
      LOG.log(Logger.Level.WARNING, "run observer failed in " + what + " for run " + runId, e);
      return null;
    }
  }
}
