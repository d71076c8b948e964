package dev.atomic.engine;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process test bidder: serves each kind with a plain function of the microtask, counts its bids and serve calls
 * per kind, and can hold the serving of one kind until released (to stand for a model call in flight at a crash).
 */
public final class ScriptedBidder implements Bidder {

  /** How a kind is served. */
  @FunctionalInterface
  public interface Script {
    Object serve(Microtask task) throws Exception;
  }

  private final String id;
  private final Map<String, Script> scripts;
  private final Map<String, AtomicInteger> bids = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> serves = new ConcurrentHashMap<>();
  private final Map<String, Microtask> lastTask = new ConcurrentHashMap<>();
  private volatile String heldKind;
  private volatile CountDownLatch entered = new CountDownLatch(1);
  private volatile CountDownLatch release = new CountDownLatch(1);

  public ScriptedBidder(String id, Map<String, Script> scripts) {
    this.id = id;
    this.scripts = Map.copyOf(scripts);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    if (!scripts.containsKey(task.kind())) {
      return Optional.empty();
    }
    bids.computeIfAbsent(task.kind(), k -> new AtomicInteger()).incrementAndGet();
    return Optional.of(Bid.of(0.9, 0.0001, Duration.ofMillis(5)));
  }

  @Override
  public Answer serve(Microtask task) throws Exception {
    serves.computeIfAbsent(task.kind(), k -> new AtomicInteger()).incrementAndGet();
    lastTask.put(task.kind(), task);
    if (task.kind().equals(heldKind)) {
      entered.countDown();
      release.await();
    }
    return Answer.of(scripts.get(task.kind()).serve(task), 0.0001, Duration.ofMillis(5));
  }

  /** Holds every serve of this kind until {@link #release()}; {@link #awaitHeld()} waits for the first to arrive. */
  public void hold(String kind) {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
    heldKind = kind;
  }

  public void awaitHeld() throws InterruptedException {
    entered.await();
  }

  public void release() {
    heldKind = null;
    release.countDown();
  }

  /** How many times this kind was served (including calls that were interrupted). */
  public int serves(String kind) {
    AtomicInteger n = serves.get(kind);
    return n == null ? 0 : n.get();
  }

  /** The last microtask of this kind served, or {@code null}. */
  public Microtask lastTask(String kind) {
    return lastTask.get(kind);
  }

  /** How many times this kind was bid for (one per auction). */
  public int bids(String kind) {
    AtomicInteger n = bids.get(kind);
    return n == null ? 0 : n.get();
  }
}
