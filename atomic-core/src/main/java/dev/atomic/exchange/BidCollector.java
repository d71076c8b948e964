package dev.atomic.exchange;

import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.policy.Policy;
import dev.atomic.task.Microtask;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks every bidder that the policy allows for its bid, concurrently and under a deadline.
 *
 * <p>Hot path. Inline bidders ({@link Bidder#bidsInline()}) are asked on the caller's thread, because forking a virtual
 * thread costs more than their whole bid; every other bidder is asked on its own virtual thread and waited for until the
 * deadline. A bidder that throws, is late or bids nonsense gets an exclusion instead of a bid; nothing it does can stop
 * the auction.
 */
final class BidCollector {

  private final ExecutorService executor;

  BidCollector(ExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Fills {@code bids[i]} with bidder i's valid bid, or {@code excluded[i]} with why it has none.
   *
   * @param deadlineNanos the {@link System#nanoTime()} by which bids must be in
   */
  void collect(
      Microtask task, Bidder[] bidders, Policy policy, long deadlineNanos, Bid[] bids, Exclusion[] excluded) {
    Future<?>[] pending = null;
    for (int i = 0; i < bidders.length; i++) {
      Bidder bidder = bidders[i];
      String refusal = refusal(policy, task, bidder);
      if (refusal != null) {
        excluded[i] = new Exclusion(bidder.id(), Exclusion.Reason.POLICY, refusal);
      } else if (bidder.bidsInline()) {
        askInline(task, bidder, i, bids, excluded);
      } else {
        if (pending == null) {
          pending = new Future<?>[bidders.length];
        }
        pending[i] = executor.submit(() -> bidder.bid(task));
      }
    }
    if (pending != null) {
      await(pending, bidders, deadlineNanos, bids, excluded);
    }
  }

  private static String refusal(Policy policy, Microtask task, Bidder bidder) {
    try {
      return policy.exclude(task, bidder.id(), bidder.profile()).orElse(null);
    } catch (RuntimeException e) {
      // Fail closed: a policy that cannot decide must not let the payload out.
      return "policy failed, so the bidder is excluded: " + e;
    }
  }

  private static void askInline(Microtask task, Bidder bidder, int i, Bid[] bids, Exclusion[] excluded) {
    try {
      accept(bidder, bidder.bid(task), i, bids, excluded);
    } catch (Exception e) {
      excluded[i] = new Exclusion(bidder.id(), Exclusion.Reason.FAILED, "bid threw " + e);
    }
  }

  private static void await(
      Future<?>[] pending, Bidder[] bidders, long deadlineNanos, Bid[] bids, Exclusion[] excluded) {
    for (int i = 0; i < pending.length; i++) {
      Future<?> future = pending[i];
      if (future == null) {
        continue;
      }
      String id = bidders[i].id();
      try {
        long remaining = deadlineNanos - System.nanoTime();
        Object result = remaining > 0 || future.isDone()
            ? future.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS)
            : timeout();
        accept(bidders[i], result, i, bids, excluded);
      } catch (TimeoutException e) {
        future.cancel(true);
        excluded[i] = new Exclusion(id, Exclusion.Reason.LATE, "no bid before the bid deadline");
      } catch (ExecutionException e) {
        excluded[i] = new Exclusion(id, Exclusion.Reason.FAILED, "bid threw " + e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelAll(pending);
        throw new dev.atomic.AtomicException("interrupted while collecting bids", e);
      }
    }
  }

  private static Object timeout() throws TimeoutException {
    throw new TimeoutException();
  }

  private static void cancelAll(Future<?>[] pending) {
    for (Future<?> f : pending) {
      if (f != null) {
        f.cancel(true);
      }
    }
  }

  private static void accept(Bidder bidder, Object result, int i, Bid[] bids, Exclusion[] excluded) {
    if (!(result instanceof Optional<?> optional)) {
      excluded[i] = new Exclusion(bidder.id(), Exclusion.Reason.INVALID_BID, "bid returned null instead of an Optional");
      return;
    }
    if (optional.isEmpty()) {
      excluded[i] = new Exclusion(bidder.id(), Exclusion.Reason.ABSTAINED, "did not bid");
      return;
    }
    Bid bid = (Bid) optional.get();
    String problem = bid.problem();
    if (problem != null) {
      excluded[i] = new Exclusion(bidder.id(), Exclusion.Reason.INVALID_BID, problem);
    } else {
      bids[i] = bid;
    }
  }
}
