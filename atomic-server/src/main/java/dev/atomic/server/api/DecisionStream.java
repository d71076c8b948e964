package dev.atomic.server.api;

import dev.atomic.exchange.Decision;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.task.Microtask;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live feed of decisions behind {@code GET /v1/decisions/stream}. The exchange hands each decision over on its own
 * thread, so this only queues it (dropping, and counting, when the queue is full) and one virtual thread writes it to
 * every connected client: a slow browser can never slow an auction down.
 */
public final class DecisionStream implements ExchangeListener, AutoCloseable {

  /** Stands for every tenant, for clients of a service that is open (no key issued yet); no tenant's name has '*'. */
  private static final String ALL = "*";

  /** Each client with its tenant: a client sees only its own tenant's decisions. */
  private final Map<SseClient, String> clients = new ConcurrentHashMap<>();
  private final BlockingQueue<DecisionBrief> queue = new ArrayBlockingQueue<>(10_000);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;

  public DecisionStream() {
    writer = Thread.ofVirtual().name("atomic-decision-stream").start(this::drain);
  }

  @Override
  public void onDecision(Microtask task, Decision d) {
    if (clients.isEmpty()) {
      return;
    }
    if (!queue.offer(DecisionBrief.of(d))) {
      dropped.incrementAndGet();
    }
  }

  /** Events not sent because clients fell too far behind. */
  public long dropped() {
    return dropped.get();
  }

  public int clients() {
    return clients.size();
  }

  /** Holds the client's connection open until it leaves or the server stops. */
  void join(SseClient client, String tenant) {
    clients.put(client, tenant == null ? ALL : tenant);
    client.onClose(() -> clients.remove(client));
    client.sendComment("connected");
    client.keepAlive();
  }

  private void drain() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        DecisionBrief event = queue.take();
        String data = Json.write(event);
        for (Map.Entry<SseClient, String> entry : clients.entrySet()) {
          SseClient client = entry.getKey();
          if (client.terminated()) {
            clients.remove(client);
          } else if (ALL.equals(entry.getValue()) || entry.getValue().equals(event.tenant())) {
            client.sendEvent("decision", data, event.id());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    writer.interrupt();
    for (SseClient client : clients.keySet()) {
      client.close();
    }
    clients.clear();
  }
}
