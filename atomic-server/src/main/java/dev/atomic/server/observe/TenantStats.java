package dev.atomic.server.observe;

import dev.atomic.exchange.AwardFailedException;
import dev.atomic.exchange.Decision;
import dev.atomic.exchange.Execution;
import dev.atomic.exchange.ExchangeListener;
import dev.atomic.exchange.Feedback;
import dev.atomic.store.AwardView;
import dev.atomic.task.Microtask;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's live figures for the whole service and for each tenant apart, so a tenant's caller sees only what
 * its own microtasks did. Feedback names only a decision: its tenant is remembered from the decision (bounded).
 */
public final class TenantStats implements ExchangeListener {

  private final InstantSource clock;
  private final String premiumBidder;
  private final LiveStats all;
  private final Map<String, LiveStats> byTenant = new ConcurrentHashMap<>();
  private final Map<String, String> tenantOfDecision = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > LiveStats.PENDING;
    }
  };

  public TenantStats(InstantSource clock, String premiumBidder) {
    this.clock = clock;
    this.premiumBidder = premiumBidder;
    this.all = new LiveStats(clock, premiumBidder);
  }

  /** Everything since the server started, and the awards replayed from before ({@link #recorded}). */
  public LiveStats.Snapshot snapshot() {
    return all.snapshot();
  }

  /** What the tenant's own microtasks did, over the same span. */
  public LiveStats.Snapshot snapshot(String tenant) {
    return of(tenant).snapshot();
  }

  @Override
  public void onDecision(Microtask task, Decision decision) {
    synchronized (tenantOfDecision) {
      tenantOfDecision.put(decision.id(), task.tenant());
    }
    all.onDecision(task, decision);
    of(task.tenant()).onDecision(task, decision);
  }

  @Override
  public void onExecution(Microtask task, Execution execution) {
    all.onExecution(task, execution);
    of(task.tenant()).onExecution(task, execution);
  }

  @Override
  public void onFailure(Microtask task, AwardFailedException failure) {
    all.onFailure(task, failure);
    of(task.tenant()).onFailure(task, failure);
  }

  @Override
  public void onFeedback(String decisionId, Feedback feedback) {
    all.onFeedback(decisionId, feedback);
    String tenant;
    synchronized (tenantOfDecision) {
      tenant = tenantOfDecision.get(decisionId);
    }
    if (tenant != null) {
      of(tenant).onFeedback(decisionId, feedback);
    }
  }

  /** Counts an award recorded before this server started (see {@link LiveStats#recorded}); oldest first. */
  public void recorded(AwardView award) {
    String tenant = award.decision().tenant();
    synchronized (tenantOfDecision) {
      tenantOfDecision.put(award.decision().id(), tenant);
    }
    all.recorded(award);
    of(tenant).recorded(award);
  }

  private LiveStats of(String tenant) {
    return byTenant.computeIfAbsent(tenant, t -> new LiveStats(clock, premiumBidder));
  }
}
