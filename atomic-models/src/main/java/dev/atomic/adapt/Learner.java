package dev.atomic.adapt;

import dev.atomic.exchange.Feedback;
import dev.atomic.task.Microtask;

/**
 * The hook through which an application (or the typed-function layer) teaches local models: call it with each
 * microtask, the output it ended with, and the feedback on that output. An accepted output, whoever produced it (a
 * premium model or a person's correction), becomes a label for the local heads of that kind.
 */
@FunctionalInterface
public interface Learner {

  /** Learns from one outcome; returns whether it was used as a label. Never throws on an output it cannot use. */
  boolean learn(Microtask task, Object output, Feedback feedback);
}
