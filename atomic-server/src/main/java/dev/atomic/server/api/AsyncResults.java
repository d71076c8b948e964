package dev.atomic.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of each microtask submitted asynchronously, for {@code GET /v1/microtasks/{id}}. Kept in memory, the
 * most recent {@value #CAPACITY} only: the ledger keeps every decision for good; this is for polling a fresh one.
 */
final class AsyncResults {

  static final int CAPACITY = 10_000;

  /** Where an asynchronous microtask is: {@code pending}, {@code succeeded} (with a result) or {@code failed}. */
  record Status(String taskId, String tenant, String status, MicrotaskResult result, ApiError.Detail error) {}

  private final Map<String, Status> byTask = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Status> eldest) {
      return size() > CAPACITY;
    }
  };

  /** @return false when the id is taken */
  synchronized boolean start(String taskId, String tenant) {
    if (byTask.containsKey(taskId)) {
      return false;
    }
    byTask.put(taskId, new Status(taskId, tenant, "pending", null, null));
    return true;
  }

  synchronized void succeeded(String taskId, MicrotaskResult result) {
    byTask.computeIfPresent(taskId, (id, s) -> new Status(id, s.tenant(), "succeeded", result, null));
  }

  synchronized void failed(String taskId, ApiError error) {
    byTask.computeIfPresent(taskId, (id, s) -> new Status(id, s.tenant(), "failed", null, error.body().error()));
  }

  synchronized Optional<Status> get(String taskId) {
    return Optional.ofNullable(byTask.get(taskId));
  }
}
