package dev.atomic.server;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.bidding.Usage;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test bidder with a fixed claim and a scripted answer: it answers {@code output} at {@code cost}, after waiting for
 * an optional latch (to hold an award in flight). Not a model; it exists to drive the service in tests.
 */
public final class ScriptedBidder implements Bidder {

  private final String id;
  private final double quality;
  private final double cost;
  private final long latencyMs;
  private final Object output;
  private final AtomicInteger served = new AtomicInteger();
  private volatile CountDownLatch gate;
  private volatile Usage usage = Usage.UNKNOWN;

  public ScriptedBidder(String id, double quality, double cost, long latencyMs, Object output) {
    this.id = id;
    this.quality = quality;
    this.cost = cost;
    this.latencyMs = latencyMs;
    this.output = output;
  }

  /** Serving waits until the returned latch is counted down. */
  public CountDownLatch hold() {
    CountDownLatch latch = new CountDownLatch(1);
    gate = latch;
    return latch;
  }

  /** Answers as having used {@code value} from now on, as a model that reports its tokens would. */
  public ScriptedBidder metered(Usage value) {
    this.usage = value;
    return this;
  }

  public int served() {
    return served.get();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public BidderProfile profile() {
    return BidderProfile.hosted("test-vendor", "test-region");
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    return Optional.of(new Bid(quality, 0, cost, Duration.ofMillis(latencyMs), "scripted " + id));
  }

  @Override
  public Answer serve(Microtask task) throws InterruptedException {
    CountDownLatch latch = gate;
    if (latch != null) {
      latch.await();
    }
    served.incrementAndGet();
    return Answer.of(output, cost, Duration.ofMillis(latencyMs)).withUsage(usage);
  }
}
