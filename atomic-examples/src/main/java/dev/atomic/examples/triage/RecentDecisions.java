package dev.atomic.examples.triage;

import dev.atomic.exchange.Decision;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.task.Microtask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Keeps the last decisions the exchange made, so the example can explain one; bounded. */
final class RecentDecisions implements ExchangeListener {

  private final Map<String, Decision> byId;

  RecentDecisions(int capacity) {
    this.byId = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public synchronized void onDecision(Microtask task, Decision decision) {
    byId.put(decision.id(), decision);
  }

  synchronized Optional<Decision> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
