package dev.atomic.exchange;

import dev.atomic.AtomicException;
import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.budget.Budget;
import dev.atomic.budget.BudgetPacer;
import dev.atomic.estimate.Estimate;
import dev.atomic.estimate.Estimator;
import dev.atomic.estimate.EstimatorConfig;
import dev.atomic.estimate.EstimatorSnapshot;
import dev.atomic.policy.Policy;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exchange: holds an auction for each microtask among the eligible bidders and strategies, executes the award with
 * escalation, and learns from every outcome.
 *
 * <p>An auction, step by step ({@link #award}):
 * <ol>
 *   <li>The {@link Policy} removes bidders that may not see the microtask; they are never asked to bid.
 *   <li>The others bid concurrently under the bid deadline; late, failing and nonsensical bids are excluded.
 *   <li>Each cascade whose bidders all bid is offered as one more bid, with a claim derived from theirs.
 *   <li>The {@link Estimator} turns each claim into the exchange's belief (calibrated quality, real cost and latency).
 *   <li>Hard constraints (max cost, latency SLO, minimum quality, the tenant's paced budget) exclude bids.
 *   <li>Each remaining bid is scored {@code drawn quality − λ·cost − μ·latency}, where the quality is a Thompson draw from
 *       the posterior (principled exploration, reproducible from the seed), and the best wins; with a top-two
 *       probability β ({@link EstimatorConfig#topTwoProbability()}), a fraction β of auctions go instead to the best of a
 *       second draw among the others, so the runner-up keeps being learned.
 * </ol>
 * {@link #execute} then serves the award; if the winner fails, times out or the caller's check rejects its output, the
 * next-best bid serves, up to {@code maxAttempts}, and every attempt is recorded. {@link #feedback} teaches the estimator,
 * whenever it arrives.
 *
 * <p>Thread-safe. Create with {@link #builder()}; close to stop its virtual threads.
 */
public final class Exchange implements AutoCloseable {

  private final long seed;
  private final Utility utility;
  private final Duration bidTimeout;
  private final Duration attemptTimeout;
  private final int maxAttempts;
  private final Policy policy;
  private final InstantSource clock;
  private final Estimator estimator;
  private final BudgetPacer budgets;
  private final ExecutorService executor;
  private final BidCollector collector;
  private final PendingAwards pending;
  private final Listeners listeners;
  private final LearningScopes scopes;
  private final AtomicLong sequence = new AtomicLong();
  private final Object registration = new Object();
  private volatile Bidder[] bidders;
  private volatile Cascade[] cascades;
  private volatile Map<String, Integer> bidderIndex;

  private Exchange(Builder b) {
    this.seed = b.seed;
    this.utility = b.utility;
    this.bidTimeout = b.bidTimeout;
    this.attemptTimeout = b.attemptTimeout;
    this.maxAttempts = b.maxAttempts;
    this.policy = b.policy;
    this.clock = b.clock;
    this.estimator = new Estimator(b.estimatorConfig);
    this.budgets = new BudgetPacer(b.clock);
    b.budgets.forEach(budgets::set);
    this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("atomic-exchange-", 0).factory());
    this.collector = new BidCollector(executor);
    this.pending = new PendingAwards(b.pendingCapacity);
    this.listeners = new Listeners(b.listeners);
    this.scopes = b.scopes;
    this.sequence.set(b.auctionsHeld);
    this.bidders = new Bidder[0];
    this.cascades = new Cascade[0];
    this.bidderIndex = Map.of();
    b.bidders.forEach(this::register);
    b.cascades.forEach(this::register);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Adds a bidder; it takes part from the next auction on. Ids must be unique across bidders and cascades. */
  public void register(Bidder bidder) {
    Objects.requireNonNull(bidder, "bidder");
    String id = Objects.requireNonNull(bidder.id(), "bidder id");
    synchronized (registration) {
      checkUnique(id);
      Bidder[] next = java.util.Arrays.copyOf(bidders, bidders.length + 1);
      next[bidders.length] = bidder;
      Map<String, Integer> index = new HashMap<>(bidderIndex);
      index.put(id, bidders.length);
      bidderIndex = Map.copyOf(index);
      bidders = next;
    }
  }

  /** Adds a cascade strategy; every bidder it names must be registered already. */
  public void register(Cascade cascade) {
    Objects.requireNonNull(cascade, "cascade");
    synchronized (registration) {
      checkUnique(cascade.id());
      for (String member : cascade.members()) {
        if (!bidderIndex.containsKey(member)) {
          throw new IllegalArgumentException(
              "cascade '" + cascade.id() + "' names bidder '" + member + "', which is not registered");
        }
      }
      Cascade[] next = java.util.Arrays.copyOf(cascades, cascades.length + 1);
      next[cascades.length] = cascade;
      cascades = next;
    }
  }

  private void checkUnique(String id) {
    if (id.isBlank()) {
      throw new IllegalArgumentException("bidder and cascade ids must not be blank");
    }
    boolean taken = bidderIndex.containsKey(id);
    for (Cascade c : cascades) {
      taken |= c.id().equals(id);
    }
    if (taken) {
      throw new IllegalArgumentException("a bidder or cascade with id '" + id + "' is registered already");
    }
  }

  /** The registered bidders, in registration order. */
  public List<Bidder> bidders() {
    return List.of(bidders);
  }

  /** The registered cascades, in registration order. */
  public List<Cascade> cascades() {
    return List.of(cascades);
  }

  /** Sets (or replaces) a tenant's budget. */
  public void budget(String tenant, Budget budget) {
    budgets.set(tenant, budget);
  }

  /** The exchange's track record of every arm; read it, export it, restore it. */
  public Estimator estimator() {
    return estimator;
  }

  public BudgetPacer budgets() {
    return budgets;
  }

  public Utility utility() {
    return utility;
  }

  /** Holds the auction for a microtask and reserves the winner's expected cost; does not serve it. */
  public Decision award(Microtask task) {
    return award(task, utility);
  }

  /** Like {@link #award(Microtask)}, trading quality against cost and latency with the given weights. */
  public Decision award(Microtask task, Utility weights) {
    Decision decision = auction(task, Objects.requireNonNull(weights, "weights")).decision();
    listeners.onDecision(task, decision);
    return decision;
  }

  /** Auctions and serves the microtask, escalating on failure; accepts any answer. */
  public Execution execute(Microtask task) {
    return execute(task, utility, OutputCheck.acceptAll());
  }

  /** Auctions and serves the microtask, escalating when the winner fails or the check rejects its output. */
  public Execution execute(Microtask task, OutputCheck check) {
    return execute(task, utility, check);
  }

  /**
   * Auctions the microtask with the given weights and serves it: the winner first, then each next-best bid when an
   * attempt fails, times out or is rejected by the check, up to the exchange's {@code maxAttempts}.
   *
   * @throws NoEligibleBidException when no bid is eligible
   * @throws AwardFailedException when every attempt failed
   */
  public Execution execute(Microtask task, Utility weights, OutputCheck check) {
    Objects.requireNonNull(check, "check");
    Auction.Closed auction = auction(task, Objects.requireNonNull(weights, "weights"));
    Decision decision = auction.decision();
    listeners.onDecision(task, decision);
    if (!decision.awarded()) {
      throw new NoEligibleBidException(decision);
    }
    List<Attempt> attempts = new ArrayList<>();
    List<Auction.Candidate> ranked = auction.ranked();
    BudgetPacer.Reservation reservation = auction.reservation();
    for (int i = 0; i < ranked.size() && attempts.size() < maxAttempts; i++) {
      Auction.Candidate candidate = ranked.get(i);
      if (reservation == null) {
        reservation = budgets.reserve(task.tenant(), candidate.expectedCostUsd());
        if (reservation == null) {
          attempts.add(new Attempt(attempts.size() + 1, candidate.arm(), Attempt.Status.OVER_BUDGET,
              "the budget has no room for " + candidate.expectedCostUsd() + " USD", 0, 0));
          continue;
        }
      }
      Served served = serve(task, candidate);
      Attempt attempt = judge(task, candidate, served, check, attempts.size() + 1);
      attempts.add(attempt);
      reservation.settle(served.costKnown() ? served.answer().costUsd() : reservation.amount());
      learnStages(task, candidate, served);
      if (attempt.status() == Attempt.Status.SUCCEEDED) {
        learnUsage(task, candidate, served);
        pending.replace(decision.id(), new PendingAwards.Pending(scope(task), task.kind(), task.features(),
            served.contributions(), candidate.arm(), candidate.claimedCost(), candidate.claimedLatencyMs(),
            reservation, true));
        Execution execution = new Execution(decision, candidate.arm(), served.answer(), served.accepted(), attempts,
            served.repairs());
        listeners.onExecution(task, execution);
        return execution;
      }
      if (served.costKnown()) {
        learnUsage(task, candidate, served);
      }
      estimator.observeOutcome(scope(task), candidate.arm(), task.kind(), candidate.claimedQuality(), task.features(),
          0);
      if (served.stageReached() > 0) {
        estimator.observeCascadeOutcome(scope(task), candidate.arm(), task.kind(), served.stageReached(), 0);
      }
      reservation = null;
    }
    pending.take(decision.id());
    AwardFailedException failure = new AwardFailedException(decision, attempts);
    listeners.onFailure(task, failure);
    throw failure;
  }

  /**
   * Teaches the exchange what came of an award: its quality and, when the award was not executed here, its real cost.
   * Each decision takes one feedback.
   *
   * @throws AtomicException when the decision is unknown, was already given feedback, or is too old to be pending
   */
  public void feedback(String decisionId, Feedback feedback) {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(feedback, "feedback");
    PendingAwards.Pending p = pending.take(decisionId);
    if (p == null) {
      throw new AtomicException("no pending award for decision '" + decisionId
          + "': it is unknown, already has feedback, or is older than the exchange keeps pending awards");
    }
    for (PendingAwards.Contribution c : p.contributions()) {
      c.learns(feedback.quality()).ifPresent(quality ->
          estimator.observeOutcome(p.scope(), c.arm(), p.kind(), c.claimedQuality(), p.features(), quality));
      if (c.stage() > 0) {
        estimator.observeCascadeOutcome(p.scope(), c.arm(), p.kind(), c.stage(), feedback.quality());
      }
    }
    if (!p.usageKnown() && feedback.hasActualCost()) {
      if (p.reservation() != null) {
        p.reservation().settle(feedback.actualCostUsd());
      }
      double latency = Double.isNaN(feedback.actualLatencyMs()) ? p.claimedLatencyMs() : feedback.actualLatencyMs();
      estimator.observeUsage(p.scope(), p.servedBy(), p.kind(), p.claimedCostUsd(), feedback.actualCostUsd(),
          p.claimedLatencyMs(), latency);
    }
    listeners.onFeedback(decisionId, feedback);
  }

  /** How many times a listener threw; each failure is also logged. */
  public long listenerFailures() {
    return listeners.failures();
  }

  /** How many awards are waiting for feedback. */
  public int pendingFeedback() {
    return pending.size();
  }

  /** The awards waiting for feedback, oldest first, for the store to keep across a restart. */
  public List<PendingAward> pendingAwards() {
    return pending.snapshot();
  }

  /**
   * Adds awards that were waiting for feedback before a restart ({@link #pendingAwards()}), so feedback that arrives
   * after it still teaches. Older entries are dropped first when they exceed the exchange's pending capacity.
   */
  public void restorePending(List<PendingAward> awards) {
    pending.restore(List.copyOf(awards));
  }

  /** Everything the exchange has learned, for the store. */
  public EstimatorSnapshot snapshot() {
    return estimator.snapshot();
  }

  /**
   * How many auctions this exchange has held, counting those held before a restart; each auction's exploration draw
   * depends on it, so the store saves it beside the {@link #snapshot()} and a restart resumes it with
   * {@link Builder#auctionsHeld(long)}.
   */
  public long auctionsHeld() {
    return sequence.get();
  }

  /** Replaces everything learned by a snapshot, as after a restart. */
  public void restore(EstimatorSnapshot snapshot) {
    estimator.restore(snapshot);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  // ---- the auction ------------------------------------------------------------------------------------------------

  private Auction.Closed auction(Microtask task, Utility weights) {
    Objects.requireNonNull(task, "task");
    long now = clock.millis();
    long deadlineNanos = System.nanoTime() + bidTimeout.toNanos();
    if (task.constraints().deadline() != null) {
      long left = task.constraints().deadline().toEpochMilli() - now;
      if (left <= 0) {
        throw new AtomicException("microtask " + task.id() + " (" + task.kind() + ") is past its deadline "
            + task.constraints().deadline() + "; nothing was auctioned");
      }
      deadlineNanos = Math.min(deadlineNanos, System.nanoTime() + left * 1_000_000L);
    }
    long draw = mix(seed ^ mix(sequence.getAndIncrement()));
    Auction auction = new Auction(task, weights, estimator, scope(task), budgets, new SplittableRandom(draw));
    Bidder[] current = bidders;
    Bid[] bids = new Bid[current.length];
    Exclusion[] excluded = new Exclusion[current.length];
    collector.collect(task, current, policy, deadlineNanos, bids, excluded);
    for (int i = 0; i < current.length; i++) {
      if (bids[i] != null) {
        auction.offer(current[i], bids[i]);
      } else {
        auction.exclude(excluded[i]);
      }
    }
    for (Cascade cascade : cascades) {
      if (cascade.offeredFor(task)) {
        auction.offer(cascade, bidderIndex, bids, current);
      }
    }
    String id = new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong()).toString();
    Auction.Closed closed = auction.close(id, now, draw);
    Auction.Candidate winner = closed.ranked().isEmpty() ? null : closed.ranked().getFirst();
    if (winner != null) {
      pending.put(id, new PendingAwards.Pending(scope(task), task.kind(), task.features(),
          List.of(new PendingAwards.Contribution(winner.arm(), winner.claimedQuality())), winner.arm(),
          winner.claimedCost(), winner.claimedLatencyMs(), closed.reservation(), false));
    }
    return closed;
  }

  // ---- serving ----------------------------------------------------------------------------------------------------

  private Served serve(Microtask task, Auction.Candidate candidate) {
    long timeoutNanos = attemptTimeoutNanos(task);
    return switch (candidate.offer()) {
      case Auction.Solo solo -> Served.solo(solo.bidder(), candidate, Calls.call(executor, solo.bidder(), task, timeoutNanos));
      case Auction.Staged staged -> CascadeRun.run(executor, staged, task, timeoutNanos);
    };
  }

  private Attempt judge(Microtask task, Auction.Candidate candidate, Served served, OutputCheck check, int number) {
    if (served.failure() != null) {
      return new Attempt(number, candidate.arm(), served.timedOut() ? Attempt.Status.TIMED_OUT : Attempt.Status.FAILED,
          served.failure(), served.costKnown() ? served.answer().costUsd() : 0, served.latencyMs(), served.usage());
    }
    Answer answer = served.answer();
    OutputCheck.Verdict verdict;
    try {
      verdict = check.check(task, answer);
    } catch (Exception e) {
      verdict = new OutputCheck.Verdict.Reject("the check threw " + e);
    }
    return switch (verdict) {
      case OutputCheck.Verdict.Accept accept -> {
        served.accept(accept.value(), accept.repairs());
        yield new Attempt(number, candidate.arm(), Attempt.Status.SUCCEEDED, served.detail(), answer.costUsd(),
            served.latencyMs(), served.usage());
      }
      case OutputCheck.Verdict.Reject reject -> new Attempt(number, candidate.arm(), Attempt.Status.REJECTED,
          reject.reason(), answer.costUsd(), served.latencyMs(), served.usage());
      case null -> new Attempt(number, candidate.arm(), Attempt.Status.REJECTED, "the check returned no verdict",
          answer.costUsd(), served.latencyMs(), served.usage());
    };
  }

  private void learnUsage(Microtask task, Auction.Candidate candidate, Served served) {
    String scope = scope(task);
    estimator.observeUsage(scope, candidate.arm(), task.kind(), candidate.claimedCost(), served.answer().costUsd(),
        candidate.claimedLatencyMs(), served.latencyMs());
    for (Served.MemberUsage m : served.members()) {
      estimator.observeUsage(scope, m.arm(), task.kind(), m.claimedCostUsd(), m.actualCostUsd(), m.claimedLatencyMs(),
          m.actualLatencyMs());
      if (m.failed()) {
        estimator.observeOutcome(scope, m.arm(), task.kind(), m.claimedQuality(), task.features(), 0);
      }
    }
  }

  /**
   * A served cascade's stage record learns at once which stage answered (or failed last): that is known without
   * feedback, and it is what its composed cost and quality weigh the stages by.
   */
  private void learnStages(Microtask task, Auction.Candidate candidate, Served served) {
    if (candidate.offer() instanceof Auction.Staged staged && served.stageReached() > 0) {
      estimator.observeCascadeStop(scope(task), candidate.arm(), task.kind(), served.stageReached(),
          staged.stages().size());
    }
  }

  /** Whose track record this microtask's award reads and teaches. */
  private String scope(Microtask task) {
    String scope = scopes.scopeOf(task.tenant());
    return scope == null ? task.tenant() : scope;
  }

  private long attemptTimeoutNanos(Microtask task) {
    long timeout = attemptTimeout.toNanos();
    if (task.constraints().deadline() != null) {
      long left = (task.constraints().deadline().toEpochMilli() - clock.millis()) * 1_000_000L;
      timeout = Math.min(timeout, Math.max(left, 0));
    }
    return timeout;
  }

  /** SplitMix64's finaliser: spreads a counter into an independent-looking seed. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Configures an {@link Exchange}; each setter checks its value at once. */
  public static final class Builder {
    private long seed = ThreadLocalRandom.current().nextLong();
    private Utility utility = Utility.of(0, 0);
    private Duration bidTimeout = Duration.ofMillis(250);
    private Duration attemptTimeout = Duration.ofSeconds(120);
    private int maxAttempts = 3;
    private int pendingCapacity = 100_000;
    private long auctionsHeld;
    private Policy policy = Policy.allowAll();
    private InstantSource clock = InstantSource.system();
    private EstimatorConfig estimatorConfig = EstimatorConfig.defaults();
    private final List<Bidder> bidders = new ArrayList<>();
    private final List<Cascade> cascades = new ArrayList<>();
    private final List<ExchangeListener> listeners = new ArrayList<>();
    private LearningScopes scopes = LearningScopes.isolated();
    private final Map<String, Budget> budgets = new HashMap<>();

    private Builder() {}

    /** Seeds exploration: with the same seed, bidders and outcomes, the exchange makes the same decisions. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The default trade-off of quality against cost and latency. */
    public Builder utility(Utility utility) {
      this.utility = Objects.requireNonNull(utility, "utility");
      return this;
    }

    /** How long bidders have to bid; late bids are excluded. */
    public Builder bidTimeout(Duration timeout) {
      this.bidTimeout = positive("bidTimeout", timeout);
      return this;
    }

    /** How long one attempt at serving may take before the next bid is tried. */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = positive("attemptTimeout", timeout);
      return this;
    }

    /** How many bids may try to serve one microtask, the winner included. */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Resumes the auction count of an exchange that ran before a restart (its {@link Exchange#auctionsHeld()}), so
     * that, with the same seed and restored estimates, the next exploration draws are those it would have made.
     */
    public Builder auctionsHeld(long count) {
      if (count < 0) {
        throw new IllegalArgumentException("auctionsHeld must be >= 0, was " + count);
      }
      this.auctionsHeld = count;
      return this;
    }

    /** How many awards may wait for feedback at once before the oldest are forgotten. */
    public Builder pendingCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("pendingCapacity must be at least 1, was " + capacity);
      }
      this.pendingCapacity = capacity;
      return this;
    }

    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock for deadlines, budgets and decision times; inject a fake one in tests. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder estimator(EstimatorConfig config) {
      this.estimatorConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    public Builder bidder(Bidder bidder) {
      bidders.add(Objects.requireNonNull(bidder, "bidder"));
      return this;
    }

    public Builder cascade(Cascade cascade) {
      cascades.add(Objects.requireNonNull(cascade, "cascade"));
      return this;
    }

    /**
     * Whose track record each tenant's awards read and teach; every tenant learns alone unless set, e.g.
     * {@link LearningScopes#sharedAmong} for tenants that opted in to sharing.
     */
    public Builder learningScopes(LearningScopes scopes) {
      this.scopes = Objects.requireNonNull(scopes, "scopes");
      return this;
    }

    /** Adds a listener that hears every decision, execution and feedback. */
    public Builder listener(ExchangeListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    public Builder budget(String tenant, Budget budget) {
      budgets.put(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(budget, "budget"));
      return this;
    }

    /** Builds the exchange; ids are cross-checked here. */
    public Exchange build() {
      return new Exchange(this);
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
