package dev.atomic.governance.resilience;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.ForwardingBidder;
import dev.atomic.task.Microtask;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A bidder decorated with a timeout, retries, a circuit breaker and a bulkhead, each its own (per bidder).
 *
 * {@snippet :
 * Bidder safe = ResilientBidder.wrap(openAiBidder)
 *     .timeout(Duration.ofSeconds(20))
 *     .retries(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5), 0.3)
 *     .retryOn(e -> e instanceof ProviderException p && p.retryable())
 *     .retryAfter(e -> e instanceof ProviderException p ? p.retryAfter() : Optional.empty())
 *     .circuit(20, 10, 50, Duration.ofSeconds(30))
 *     .maxConcurrentCalls(8)
 *     .build();
 * }
 *
 * <p>Serving, step by step: the bulkhead admits the call or refuses at once (a full bidder is no reason to queue);
 * then, for each try, the circuit breaker admits it, the call runs on a virtual thread under the timeout, and its
 * outcome is recorded: a failure, a timeout, a slow call (measured with the injected clock), or an answer that fails
 * the well-formedness check. Failures the retry rule accepts are retried after the jittered backoff, or after the
 * {@code Retry-After} the provider gave when it is no longer than {@code maxRetryAfter}; a longer wait fails at once so
 * the exchange escalates instead of stalling.
 *
 * <p>Nothing is paid twice: a retry only follows a call that produced no answer, and a timed-out call is never retried
 * (the provider may still bill it); a malformed answer is returned, not retried, so the exchange's check rejects it,
 * charges it and escalates.
 *
 * <p>While the circuit is open or the bulkhead full, {@link #bid} throws {@link BidderUnavailable}, so the exchange
 * excludes the bidder and its decision quotes the reason (as a {@code FAILED} exclusion: the core's {@code ABSTAINED}
 * carries no reason).
 */
public final class ResilientBidder extends ForwardingBidder implements AutoCloseable {

  private final Duration timeout;
  private final CircuitBreaker circuitBreaker;
  private final Bulkhead bulkhead;
  private final Retry retry;
  private final Predicate<Object> wellFormed;
  private final Clock clock;
  private final ExecutorService executor;

  private ResilientBidder(Builder b) {
    super(b.delegate);
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.wellFormed = b.wellFormed;
    String name = b.delegate.id();
    this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindow(b.window, b.minimumCalls, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(b.failureRatePercent)
        .waitDurationInOpenState(b.openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .slowCallDurationThreshold(b.slowCall)
        .slowCallRateThreshold(b.slowCallRatePercent)
        .clock(b.clock)
        .build());
    this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
        .maxConcurrentCalls(b.maxConcurrentCalls)
        .maxWaitDuration(Duration.ZERO)
        .build());
    Function<Throwable, Optional<Duration>> retryAfter = b.retryAfter;
    Backoff backoff = b.backoff;
    RandomGenerator random = b.random;
    Duration maxRetryAfter = b.maxRetryAfter;
    Predicate<Throwable> retryOn = b.retryOn;
    IntervalBiFunction<Answer> wait = (attempt, outcome) -> outcome.isLeft()
        ? retryAfter.apply(outcome.getLeft()).map(Duration::toMillis)
            .orElseGet(() -> backoff.waitMillis(attempt, random))
        : backoff.waitMillis(attempt, random);
    this.retry = Retry.of(name, RetryConfig.<Answer>custom()
        .maxAttempts(b.maxAttempts)
        .intervalBiFunction(wait)
        .retryOnException(e -> !(e instanceof BidderUnavailable) && retryOn.test(e)
            && retryAfter.apply(e).map(d -> d.compareTo(maxRetryAfter) <= 0).orElse(true))
        .build());
    this.executor = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("atomic-resilient-" + name + "-", 0).factory());
  }

  /** Starts decorating a bidder. */
  public static Builder wrap(Bidder delegate) {
    return new Builder(delegate);
  }

  @Override
  public Optional<Bid> bid(Microtask task) throws Exception {
    // Asking the breaker (and handing the permission straight back) lets an open circuit turn half-open on time.
    if (!circuitBreaker.tryAcquirePermission()) {
      throw new BidderUnavailable(circuitOpen());
    }
    circuitBreaker.releasePermission();
    if (bulkhead.getMetrics().getAvailableConcurrentCalls() == 0) {
      throw new BidderUnavailable(bulkheadFull());
    }
    return super.bid(task);
  }

  /**
   * Never: serving waits out retries' back-offs and the timeout on a thread of its own, which is blocking by design,
   * whatever the wrapped bidder says of itself.
   */
  @Override
  public boolean servesInline() {
    return false;
  }

  @Override
  public Answer serve(Microtask task) throws Exception {
    if (!bulkhead.tryAcquirePermission()) {
      throw new BidderUnavailable(bulkheadFull());
    }
    try {
      return Retry.decorateCallable(retry, () -> attempt(task)).call();
    } finally {
      bulkhead.onComplete();
    }
  }

  /** One guarded call: breaker, virtual thread, timeout, outcome recorded. */
  private Answer attempt(Microtask task) throws Exception {
    if (!circuitBreaker.tryAcquirePermission()) {
      throw new BidderUnavailable(circuitOpen());
    }
    long start = clock.millis();
    Future<Answer> call = executor.submit(() -> super.serve(task));
    Answer answer;
    try {
      answer = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      circuitBreaker.onError(clock.millis() - start, TimeUnit.MILLISECONDS, e);
      throw new BidderUnavailable("bidder '" + id() + "' gave no answer within " + timeout
          + "; not retried, since the provider may still bill the call", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      circuitBreaker.onError(clock.millis() - start, TimeUnit.MILLISECONDS, cause);
      if (cause instanceof Exception failure) {
        throw failure;
      }
      throw e;
    } catch (InterruptedException e) {
      call.cancel(true);
      circuitBreaker.releasePermission();
      Thread.currentThread().interrupt();
      throw new BidderUnavailable("interrupted while waiting for bidder '" + id() + "'", e);
    }
    long elapsed = clock.millis() - start;
    if (answer == null || !wellFormed.test(answer.output())) {
      circuitBreaker.onError(elapsed, TimeUnit.MILLISECONDS,
          new MalformedOutput("bidder '" + id() + "' returned a malformed answer"));
    } else {
      circuitBreaker.onSuccess(elapsed, TimeUnit.MILLISECONDS);
    }
    return answer;
  }

  private String circuitOpen() {
    CircuitBreaker.Metrics m = circuitBreaker.getMetrics();
    return String.format(java.util.Locale.ROOT,
        "circuit breaker of bidder '%s' is %s: failure rate %.0f%%, slow-call rate %.0f%% over the last %d calls "
            + "(thresholds %.0f%% and %.0f%%); it is tried again after %s",
        id(), circuitBreaker.getState(), m.getFailureRate(), m.getSlowCallRate(), m.getNumberOfBufferedCalls(),
        circuitBreaker.getCircuitBreakerConfig().getFailureRateThreshold(),
        circuitBreaker.getCircuitBreakerConfig().getSlowCallRateThreshold(),
        circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + " ms");
  }

  private String bulkheadFull() {
    return "bidder '" + id() + "' is busy: all " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
        + " concurrent calls are in use";
  }

  /** The circuit breaker, for metrics and operators (e.g. to force it open). */
  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  /** The retry, for metrics and its event stream. */
  public Retry retry() {
    return retry;
  }

  /** The bulkhead, for metrics. */
  public Bulkhead bulkhead() {
    return bulkhead;
  }

  /** Stops the virtual threads of calls still running (a hung bidder's, for instance). */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** What counts as worth retrying by default: a rate limit or an I/O failure, anywhere in the cause chain. */
  static boolean transientFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RateLimited || t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }

  static Optional<Duration> rateLimitWait(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RateLimited limited) {
        return limited.retryAfter();
      }
    }
    return Optional.empty();
  }

  /** Configures a {@link ResilientBidder}; each setter checks its value at once. */
  public static final class Builder {
    private final Bidder delegate;
    private Duration timeout = Duration.ofSeconds(60);
    private int maxAttempts = 3;
    private Backoff backoff = new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10), 0.3);
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private Predicate<Throwable> retryOn = ResilientBidder::transientFailure;
    private Function<Throwable, Optional<Duration>> retryAfter = ResilientBidder::rateLimitWait;
    private int window = 20;
    private int minimumCalls = 10;
    private float failureRatePercent = 50;
    private Duration openFor = Duration.ofSeconds(30);
    private Duration slowCall = Duration.ofSeconds(60);
    private float slowCallRatePercent = 100;
    private int maxConcurrentCalls = 16;
    private Predicate<Object> wellFormed = output -> true;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SplittableRandom();

    private Builder(Bidder delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The longest one call may take; a call that takes longer is abandoned, counted as a failure, and not retried. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Up to {@code maxAttempts} calls in all (1 for no retry), waiting {@code initial * multiplier^(n-1)} (at most
     * {@code max}) before retry n, jittered by up to {@code ±jitter} of it.
     */
    public Builder retries(int maxAttempts, Duration initial, double multiplier, Duration max, double jitter) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be in [1, 20], was " + maxAttempts);
      }
      this.backoff = new Backoff(Objects.requireNonNull(initial, "initial"), multiplier,
          Objects.requireNonNull(max, "max"), jitter);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Which failures are retried; by default rate limits and I/O failures. Timeouts and open circuits never are. */
    public Builder retryOn(Predicate<Throwable> retryable) {
      this.retryOn = Objects.requireNonNull(retryable, "retryable");
      return this;
    }

    /**
     * How to read a provider's requested wait from its exception; consulted before {@link RateLimited}'s own, e.g.
     * {@code e -> e instanceof ProviderException p ? p.retryAfter() : Optional.empty()}.
     */
    public Builder retryAfter(Function<Throwable, Optional<Duration>> reader) {
      Objects.requireNonNull(reader, "reader");
      this.retryAfter = e -> {
        Optional<Duration> theirs = reader.apply(e);
        return theirs != null && theirs.isPresent() ? theirs : rateLimitWait(e);
      };
      return this;
    }

    /** The longest {@code Retry-After} worth waiting for; a longer one fails the call at once. */
    public Builder maxRetryAfter(Duration max) {
      Objects.requireNonNull(max, "max");
      if (max.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + max);
      }
      this.maxRetryAfter = max;
      return this;
    }

    /**
     * The circuit opens when at least {@code minimumCalls} of the last {@code window} calls were recorded and
     * {@code failureRatePercent} of them failed; it stays open for {@code openFor}, then lets one trial call through.
     */
    public Builder circuit(int window, int minimumCalls, float failureRatePercent, Duration openFor) {
      if (window < 1) {
        throw new IllegalArgumentException("circuit window must be >= 1, was " + window);
      }
      if (minimumCalls < 1 || minimumCalls > window) {
        throw new IllegalArgumentException("minimumCalls must be in [1, window=" + window + "], was " + minimumCalls);
      }
      if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
        throw new IllegalArgumentException("failureRatePercent must be in (0, 100], was " + failureRatePercent);
      }
      Objects.requireNonNull(openFor, "openFor");
      if (openFor.isNegative() || openFor.isZero()) {
        throw new IllegalArgumentException("openFor must be positive, was " + openFor);
      }
      this.window = window;
      this.minimumCalls = minimumCalls;
      this.failureRatePercent = failureRatePercent;
      this.openFor = openFor;
      return this;
    }

    /** Calls longer than {@code threshold} are slow; when {@code ratePercent} of the window is, the circuit opens. */
    public Builder slowCalls(Duration threshold, float ratePercent) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative() || threshold.isZero()) {
        throw new IllegalArgumentException("slow-call threshold must be positive, was " + threshold);
      }
      if (!(ratePercent > 0 && ratePercent <= 100)) {
        throw new IllegalArgumentException("slow-call ratePercent must be in (0, 100], was " + ratePercent);
      }
      this.slowCall = threshold;
      this.slowCallRatePercent = ratePercent;
      return this;
    }

    /** How many calls may run at once; more are refused at once. */
    public Builder maxConcurrentCalls(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentCalls must be >= 1, was " + max);
      }
      this.maxConcurrentCalls = max;
      return this;
    }

    /** Answers whose output fails this test count as failures for the circuit (they are still returned). */
    public Builder wellFormed(Predicate<Object> test) {
      this.wellFormed = Objects.requireNonNull(test, "test");
      return this;
    }

    /** The clock for call durations and the circuit's open period; inject a fake one in tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of backoff jitter; seed it for reproducible waits. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public ResilientBidder build() {
      return new ResilientBidder(this);
    }
  }
}
