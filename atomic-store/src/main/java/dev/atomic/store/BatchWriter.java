package dev.atomic.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * The write path, off the callers' threads. Callers put writes on a bounded queue and get a future; one writer thread
 * waits for a write, lets the linger pass so that the writes right behind it join (group commit), takes whatever is
 * queued (up to maxBatch), runs it in one transaction and completes the futures only after the commit returned: a
 * completed future is the acknowledgement that the write is durable.
 *
 * If any write in a batch fails, the batch is rolled back and each of its writes is retried in a transaction of its
 * own, so one bad entry (an unknown decision id) fails alone and the others are still committed, in their order.
 *
 * Closing stops new writes under the gate's write lock, then queues STOP behind everything accepted before (waiting for
 * room if the queue is full; the writer keeps draining), so the writer commits the queue and exits. No write can slip
 * in after STOP, because submitters hold the read lock while they check that the writer accepts and enqueue.
 */
final class BatchWriter {

  private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

  private record Job(Write write, CompletableFuture<Void> done, boolean awaited) {}

  private static final Job STOP = new Job(null, null, false);

  private final DataSource dataSource;
  private final String database;
  private final int capacity;
  private final int maxBatch;
  private final Duration linger;
  private final Duration enqueueTimeout;
  private final BlockingQueue<Job> queue;
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  /** Awaited writes queued and not yet taken into a batch: while there is one, the writer does not linger. */
  private final AtomicInteger awaitedQueued = new AtomicInteger();
  private final Thread thread;
  private boolean accepting = true;
  private volatile String lastFailure = "none";

  BatchWriter(DataSource dataSource, Settings settings) {
    this.dataSource = dataSource;
    this.database = settings.database().describe();
    this.capacity = settings.queueCapacity();
    this.maxBatch = settings.maxBatch();
    this.linger = settings.linger();
    this.enqueueTimeout = settings.enqueueTimeout();
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = Thread.ofPlatform().name("atomic-store-writer").daemon(true).start(this::drain);
  }

  /** Queues a write; the future completes once it is committed, which may be a linger later. */
  CompletableFuture<Void> submit(Write write) {
    return enqueue(write, false);
  }

  /**
   * Queues a write whose caller waits for its commit (a journal entry the engine needs durable before it goes on, a
   * flush): the writer commits it, and what is queued with it, without lingering.
   */
  CompletableFuture<Void> submitAwaited(Write write) {
    return enqueue(write, true);
  }

  private CompletableFuture<Void> enqueue(Write write, boolean awaited) {
    Job job = new Job(write, new CompletableFuture<>(), awaited);
    gate.readLock().lock();
    try {
      if (!accepting) {
        throw new StoreException("the store on " + database + " is closed; " + write.describe() + " was not recorded");
      }
      if (awaited) {
        awaitedQueued.incrementAndGet();
      }
      if (!queue.offer(job, enqueueTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        if (awaited) {
          awaitedQueued.decrementAndGet();
        }
        throw new StoreException("the ledger queue stayed full for " + enqueueTimeout + " (capacity=" + capacity
            + ", queued=" + queue.size() + ", last write failure: " + lastFailure + "); " + write.describe()
            + " was not recorded");
      }
    } catch (InterruptedException e) {
      if (awaited) {
        awaitedQueued.decrementAndGet();
      }
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for room in the ledger queue; " + write.describe()
          + " was not recorded", e);
    } finally {
      gate.readLock().unlock();
    }
    if (awaited) {
      LockSupport.unpark(thread); // end a linger now: someone waits
    }
    return job.done;
  }

  /** Stops accepting writes, commits everything queued, and waits for the writer to finish. */
  void close() {
    if (stopAccepting()) {
      boolean interrupted = false;
      // Wait for room behind the queued writes; give up only if the writer is gone (then nothing would drain them).
      while (thread.isAlive()) {
        try {
          if (queue.offer(STOP, 100, TimeUnit.MILLISECONDS)) {
            break;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      joinWriter();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    } else {
      joinWriter();
    }
  }

  /**
   * Stops the writer abruptly, as a crash would: whatever is committed stays, queued writes are failed unwritten. For
   * tests of what acknowledgement promises.
   */
  void crash() {
    stopAccepting();
    thread.interrupt();
    joinWriter();
    List<Job> left = new ArrayList<>();
    queue.drainTo(left);
    for (Job job : left) {
      if (job != STOP) {
        job.done.completeExceptionally(new StoreException("the store stopped before " + job.write.describe()
            + " was committed"));
      }
    }
  }

  private boolean stopAccepting() {
    gate.writeLock().lock();
    try {
      boolean was = accepting;
      accepting = false;
      return was;
    } finally {
      gate.writeLock().unlock();
    }
  }

  private void joinWriter() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the writer thread ------------------------------------------------------------------------------------------

  private void drain() {
    List<Job> batch = new ArrayList<>(maxBatch);
    boolean stopped = false;
    try {
      while (true) {
        batch.add(queue.take());
        if (batch.getFirst() != STOP) {
          linger();
        }
        queue.drainTo(batch, maxBatch - 1);
        for (Job job : batch) {
          if (job.awaited) {
            awaitedQueued.decrementAndGet();
          }
        }
        // STOP is the last job ever queued, so when it is in the batch it is last.
        boolean stop = batch.getLast() == STOP;
        if (stop) {
          batch.removeLast();
        }
        if (!batch.isEmpty()) {
          commit(batch);
        }
        batch.clear();
        if (stop) {
          stopped = true;
          return;
        }
      }
    } catch (InterruptedException e) {
      // crash(): leave at once; the jobs of this batch were not taken into a transaction yet.
      for (Job job : batch) {
        if (job != STOP) {
          job.done.completeExceptionally(new StoreException("the store stopped before " + job.write.describe()
              + " was committed"));
        }
      }
      stopped = true;
    } finally {
      if (!stopped) {
        // The writer died of something unforeseen (an Error): refuse new writes and fail the queued ones, so that no
        // caller waits forever for an acknowledgement that cannot come.
        stopAccepting();
        List<Job> left = new ArrayList<>(batch);
        queue.drainTo(left);
        for (Job job : left) {
          if (job != STOP && !job.done.isDone()) {
            job.done.completeExceptionally(new StoreException("the ledger writer stopped unexpectedly (last failure: "
                + lastFailure + "); " + job.write.describe() + " was not recorded"));
          }
        }
      }
    }
  }

  /**
   * Group commit: lets the writes that follow within the linger join this transaction, unless someone waits for a
   * queued write or a batch is full already. Parked rather than polling, so that each write joining does not wake the
   * writer once more; an awaited write unparks it.
   */
  private void linger() throws InterruptedException {
    long deadline = System.nanoTime() + linger.toNanos();
    while (awaitedQueued.get() == 0 && queue.size() < maxBatch - 1) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        throw new InterruptedException("the store was crashed while its writer lingered");
      }
    }
  }

  private void commit(List<Job> batch) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Tx tx = new Tx(connection)) {
        try {
          for (Job job : batch) {
            job.write.apply(tx);
          }
          tx.commit();
          batch.forEach(job -> job.done.complete(null));
          return;
        } catch (SQLException | RuntimeException e) {
          rollback(tx);
          if (batch.size() == 1) {
            fail(batch.getFirst(), e);
            return;
          }
        }
        // One write spoiled the batch: commit each alone, so only the bad ones fail.
        for (Job job : batch) {
          try {
            job.write.apply(tx);
            tx.commit();
            job.done.complete(null);
          } catch (SQLException | RuntimeException e) {
            rollback(tx);
            fail(job, e);
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      lastFailure = String.valueOf(e.getMessage());
      LOG.error("the ledger writer could not use {}; {} writes failed", database, batch.size(), e);
      for (Job job : batch) {
        if (!job.done.isDone()) {
          job.done.completeExceptionally(new StoreException("could not record " + job.write.describe() + " in "
              + database + ": " + e.getMessage(), e));
        }
      }
    }
  }

  private void fail(Job job, Exception e) {
    lastFailure = String.valueOf(e.getMessage());
    String message = e instanceof StoreException ? e.getMessage() : "could not record " + job.write.describe()
        + " in " + database + ": " + e.getMessage();
    job.done.completeExceptionally(new StoreException(message, e));
  }

  private static void rollback(Tx tx) {
    try {
      tx.rollback();
    } catch (SQLException e) {
      LOG.warn("rollback failed", e);
    }
  }
}
