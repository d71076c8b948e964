package dev.atomic.bench.functions;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.OutputCheck;
import dev.atomic.functions.Atomic;
import dev.atomic.functions.Instructions;
import dev.atomic.functions.Task;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The same microtask served by the same in-process bidder, called directly on the exchange and through a typed
 * function (proxy, argument binding, template rendering, microtask building, structured-output check). The bidder
 * answers a typed value from memory on the caller's thread ({@code servesInline}), so the difference is the function
 * layer's own cost, not the noise of a thread handoff.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FunctionCallBenchmark {

  public enum Category { BILLING, TECHNICAL, OTHER }

  /** The function under test. */
  public interface Classifier {
    @Task("bench.category")
    @Instructions("Which category is this e-mail from {{sender}} about?\n{{email}}")
    Category category(String email, String sender);
  }

  private Exchange exchange;
  private Atomic atomic;
  private Classifier classifier;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    exchange = Exchange.builder().seed(1).bidder(new Instant()).build();
    atomic = Atomic.builder().exchange(exchange).build();
    classifier = atomic.functions(Classifier.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    atomic.close();
    exchange.close();
  }

  @Benchmark
  public Object direct() {
    Microtask task = Microtask.builder("bench.category").input("Where is my invoice? " + (next++ & 1023))
        .outputType(Category.class).build();
    Execution execution = exchange.execute(task, OutputCheck.acceptAll());
    return execution.output();
  }

  @Benchmark
  public Category function() {
    return classifier.category("Where is my invoice? " + (next++ & 1023), "ana@example.com");
  }

  /** Bids and serves from memory. */
  static final class Instant implements Bidder {
    private static final Bid BID = Bid.of(0.9, 0.00001, Duration.ofMillis(1));

    @Override
    public String id() {
      return "instant";
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public boolean servesInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(BID);
    }

    @Override
    public Answer serve(Microtask task) {
      return Answer.of(Category.BILLING, 0.00001, Duration.ofMillis(1));
    }
  }
}
