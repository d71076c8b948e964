package dev.atomic.bench.exchange;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Utility;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One award with N in-process bidders: bid collection, estimation against the track record, constraints, Thompson
 * scoring and the decision. {@code inline} bidders answer on the caller's thread; the others each get a virtual thread,
 * as a remote bidder would.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AwardBenchmark {

  @Param({"2", "10", "100"})
  public int bidders;

  @Param({"true"})
  public boolean inline;

  private Exchange exchange;
  private Microtask[] tasks;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    Exchange.Builder builder = Exchange.builder().seed(42).utility(Utility.of(50, 0.01));
    for (int i = 0; i < bidders; i++) {
      Bid bid = new Bid(0.5 + 0.49 * random.nextDouble(), 0.05, 0.0001 + 0.01 * random.nextDouble(),
          Duration.ofMillis(1 + random.nextInt(2000)), "fixed");
      builder.bidder(new FixedBidder("bidder-" + i, bid, inline));
    }
    exchange = builder.build();
    tasks = new Microtask[1024];
    for (int i = 0; i < tasks.length; i++) {
      tasks[i] = Microtask.builder("bench.classify").id("task-" + i).input("payload " + i).build();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    exchange.close();
  }

  @Benchmark
  public Decision award() {
    return exchange.award(tasks[next++ & (tasks.length - 1)]);
  }

  /** Bids the same claim every time; serving is not measured here. */
  record FixedBidder(String id, Bid fixed, boolean bidsInline) implements Bidder {
    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(fixed);
    }

    @Override
    public Answer serve(Microtask task) {
      return Answer.of("ok", fixed.costUsd(), fixed.latency());
    }
  }
}
