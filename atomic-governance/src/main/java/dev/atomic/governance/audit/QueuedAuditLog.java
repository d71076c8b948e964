package dev.atomic.governance.audit;

import dev.atomic.AtomicException;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An audit log whose {@link #submit} returns at once: one writer thread takes the queued events in order and appends
 * them to the underlying log in batches (one transaction each in a database), so the chain is the order of submission
 * and auditing costs an award a queue insert, not a commit. After the first event of a batch the writer lets a short
 * linger pass, so that the events right behind it share its transaction.
 *
 * <p>Nothing is dropped: a full queue makes {@code submit} wait. {@link #flush()} waits until everything submitted
 * before it is stored; {@link #close()} stores what is queued and stops the writer. A batch the store refuses is retried
 * event by event, and an event that still fails is logged and counted ({@link #failures()}), so one bad event cannot
 * stop the trail.
 */
public final class QueuedAuditLog implements AuditLog, AutoCloseable {

  private static final Logger LOG = System.getLogger(QueuedAuditLog.class.getName());
  private static final int BATCH = 512;

  /** An event, or a marker that completes when everything before it is stored. */
  private sealed interface Item {}

  private record Event(AuditEvent event) implements Item {}

  private record Marker(CompletableFuture<Void> done) implements Item {}

  private record Stop() implements Item {}

  private final AuditLog log;
  private final Duration linger;
  private final BlockingQueue<Item> queue;
  private final Thread writer;
  private final AtomicLong failures = new AtomicLong();
  /** Flushes waiting in the queue: while there is one, the writer does not linger. */
  private final AtomicInteger markersQueued = new AtomicInteger();
  private volatile boolean closed;

  QueuedAuditLog(AuditLog log, int capacity, Duration linger) {
    if (capacity < 1) {
      throw new IllegalArgumentException("audit queue capacity must be at least 1, was " + capacity);
    }
    if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("audit linger must be between 0 and 1 s, was " + linger);
    }
    this.log = log;
    this.linger = linger;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = Thread.ofVirtual().name("atomic-audit-writer").start(this::drain);
  }

  @Override
  public void submit(AuditEvent event) {
    put(new Event(java.util.Objects.requireNonNull(event, "event")));
  }

  /** Appends at once, in order after everything already queued. */
  @Override
  public AuditEntry append(AuditEvent event) {
    flush();
    return log.append(event);
  }

  @Override
  public List<AuditEntry> read(long from, long to) {
    return log.read(from, to);
  }

  /** Waits until every event submitted before this call is stored. */
  public void flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    markersQueued.incrementAndGet();
    try {
      put(new Marker(done));
    } catch (RuntimeException e) {
      markersQueued.decrementAndGet();
      throw e;
    }
    LockSupport.unpark(writer); // end a linger now: someone waits
    try {
      done.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtomicException("interrupted while waiting for the audit log to be written", e);
    } catch (Exception e) {
      throw new AtomicException("the audit log could not be written within 60 s: " + e.getMessage(), e);
    }
  }

  /** Events that could not be stored; each was also logged. */
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      queue.put(new Stop());
      writer.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void put(Item item) {
    if (closed) {
      throw new AtomicException("the audit log is closed; nothing more can be recorded");
    }
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtomicException("interrupted while queueing an audit event", e);
    }
  }

  private void drain() {
    List<Item> items = new ArrayList<>(BATCH);
    while (true) {
      try {
        items.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      if (items.getFirst() instanceof Event) {
        linger();
      }
      queue.drainTo(items, BATCH - 1);
      List<AuditEvent> events = new ArrayList<>(items.size());
      boolean stop = false;
      for (Item item : items) {
        switch (item) {
          case Event e -> events.add(e.event());
          case Marker m -> {
            markersQueued.decrementAndGet();
            store(events);
            events.clear();
            m.done().complete(null);
          }
          case Stop s -> stop = true;
        }
      }
      store(events);
      items.clear();
      if (stop) {
        return;
      }
    }
  }

  /**
   * The events an award raises arrive a fraction of a millisecond apart: waits for them, so that they share one
   * transaction, unless someone waits for the log (a flush or an append) or a batch is full already.
   */
  private void linger() {
    long deadline = System.nanoTime() + linger.toNanos();
    while (markersQueued.get() == 0 && queue.size() < BATCH - 1) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      LockSupport.parkNanos(this, left);
      if (Thread.currentThread().isInterrupted()) {
        return; // store what was taken; the next take() ends the writer
      }
    }
  }

  private void store(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      log.appendAll(List.copyOf(events));
    } catch (RuntimeException batchFailed) {
      for (AuditEvent event : events) {
        try {
          log.append(event);
        } catch (RuntimeException e) {
          failures.incrementAndGet();
          LOG.log(Logger.Level.ERROR, "audit event could not be stored: " + event.type() + " for tenant "
              + event.tenant(), e);
        }
      }
    }
  }
}
