package dev.atomic.server.api;

import dev.atomic.store.RunStep;
import dev.atomic.task.Microtask;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs in progress, so that a microtask can be traced to its run and step: the engine names each microtask
 * {@code runId:callKey}, with call keys {@code step}, {@code step[2]} or {@code step/task}.
 */
public final class ActiveRuns {

  private final Set<String> active = ConcurrentHashMap.newKeySet();

  boolean add(String runId) {
    return active.add(runId);
  }

  void remove(String runId) {
    active.remove(runId);
  }

  boolean contains(String runId) {
    return active.contains(runId);
  }

  /** The run and step a microtask of an active run belongs to; empty for any other microtask. */
  public Optional<RunStep> stepOf(Microtask task) {
    String id = task.id();
    int colon = id.indexOf(':');
    if (colon <= 0 || !active.contains(id.substring(0, colon))) {
      return Optional.empty();
    }
    String key = id.substring(colon + 1);
    int end = key.length();
    for (char c : new char[] {'[', '/'}) {
      int at = key.indexOf(c);
      if (at > 0) {
        end = Math.min(end, at);
      }
    }
    return Optional.of(new RunStep(id.substring(0, colon), key.substring(0, end)));
  }
}
